using CoalitionDashboard.Features;
using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using CoalitionDashboard.ReadModel;
using CoalitionDashboard.Infrastructure.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace CoalitionDashboard.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Maps <c>--data DIR</c> on the command line to <c>Seed:DataDirectory</c>. A relative DIR typed by a
    /// person means "from where I am", so it is made absolute against the current directory here.
    /// </summary>
    public static void AddCommandLineSwitches(this IConfigurationBuilder configuration, string[] args)
    {
        var index = Array.IndexOf(args, "--data");
        if (index >= 0 && index + 1 < args.Length)
        {
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{SeedOptions.SectionName}:{nameof(SeedOptions.DataDirectory)}"] = Path.GetFullPath(args[index + 1], InvocationDirectory),
            });
        }
    }

    /// <summary>
    /// The directory the command was typed in. <c>dotnet run</c> starts the app in the project folder, but
    /// the shell's <c>PWD</c> still names where the person is.
    /// </summary>
    public static string InvocationDirectory =>
        Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathRooted(pwd) && Directory.Exists(pwd)
            ? pwd
            : Environment.CurrentDirectory;

    /// <summary>Persistence and import: used by the web app and by the <c>validate</c>/<c>import</c> verbs.</summary>
    public static IServiceCollection AddDashboardData(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SeedOptions>()
            .BindConfiguration(SeedOptions.SectionName)
            .PostConfigure(o => o.DataDirectory = DataPaths.Resolve(o.DataDirectory));

        var connectionString = DataPaths.ResolveConnectionString(configuration.GetConnectionString(DataPaths.ConnectionStringName));
        services.AddDbContextFactory<CoalitionDbContext>(options =>
        {
            options.UseSqlite(connectionString);
            options.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);
        });
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<DataGeneration>();
        services.AddReadModel(configuration);
        services.AddSingleton<DataImporter>();
        services.AddSingleton<DataReadiness>();
        services.AddSingleton<DatabaseMaintenance>();
        return services;
    }

    public static WebApplicationBuilder AddCoalitionDashboard(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLineSwitches(args);
        builder.Services.AddDashboardData(builder.Configuration);
        builder.Services.AddOptions<StoreCheckOptions>().BindConfiguration(StoreCheckOptions.SectionName);
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddProblemDetails();
        // Prerendered pages and JSON are compressed on the fly; static files are served precompressed by MapStaticAssets.
        builder.Services.AddResponseCompression(o =>
        {
            o.EnableForHttps = true;
            // The defaults (HTML, CSS, JavaScript, JSON…) and the CSV exports.
            o.MimeTypes = Microsoft.AspNetCore.ResponseCompression.ResponseCompressionDefaults.MimeTypes.Append("text/csv");
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProvider>();
            o.Providers.Add<Microsoft.AspNetCore.ResponseCompression.GzipCompressionProvider>();
        });
        // Brotli's default quality (4): about 1 ms for a 40 KB page, and 11 % smaller than the fastest setting. Pages are
        // compressed once and then served from the output cache, so the smaller response is worth the millisecond.
        builder.Services.Configure<Microsoft.AspNetCore.ResponseCompression.BrotliCompressionProviderOptions>(o => o.Level = System.IO.Compression.CompressionLevel.Optimal);
        builder.Services.ConfigureHttpJsonOptions(o => Features.Api.ApiJson.Configure(o.SerializerOptions));
        builder.Services.AddDataCors(builder.Configuration);

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddSingleton<Components.Layout.ThemeStylesheet>();
        builder.Services.AddSingleton(sp => new Components.Layout.VersionedAssets(sp.GetRequiredService<IWebHostEnvironment>().WebRootFileProvider));
        builder.Services.AddScoped<Components.Shared.PopoverHostClaim>();
        builder.Services.AddSingleton<Data.Markdown.MarkdownRenderer>();
        builder.Services.AddDashboardFeatures();
        builder.Services.AddBenchmarkMode(builder.Configuration);
        builder.Services.AddPageOutputCache();
        builder.AddCoalitionSecurity();
        return builder;
    }
}
