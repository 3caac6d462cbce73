using CoalitionDashboard.Data;
using CoalitionDashboard.Data.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using MudBlazor.Services;

namespace CoalitionDashboard.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Maps <c>--data DIR</c> on the command line to <c>Seed:DataDirectory</c>.</summary>
    public static void AddCommandLineSwitches(this IConfigurationBuilder configuration, string[] args) =>
        configuration.AddCommandLine(args, new Dictionary<string, string> { ["--data"] = $"{SeedOptions.SectionName}:{nameof(SeedOptions.DataDirectory)}" });

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
        services.AddSingleton<DataImporter>();
        services.AddSingleton<DataReadiness>();
        return services;
    }

    public static WebApplicationBuilder AddCoalitionDashboard(this WebApplicationBuilder builder, string[] args)
    {
        builder.Configuration.AddCommandLineSwitches(args);
        builder.Services.AddDashboardData(builder.Configuration);
        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        builder.Services.AddProblemDetails();
        builder.Services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));

        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddScoped<Features.Overview.OverviewQueries>();
        builder.Services.AddScoped<Features.Api.ApiQueries>();
        builder.Services.AddSingleton<Markdown.MarkdownRenderer>();
        return builder;
    }
}

public sealed class DatabaseHealthCheck(DataReadiness readiness) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(readiness.IsReady
            ? HealthCheckResult.Healthy("database migrated and seeded")
            : HealthCheckResult.Unhealthy("database not seeded: no valid data set has been imported yet"));
}
