namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// Cross-origin reads of the API and the exports: off by default (a browser page on another site cannot read them);
/// <c>Cors:AllowedOrigins</c> lists the sites that may (<c>https://analysis.example.org</c>), for GET and HEAD only, with
/// the ETag, Last-Modified and Link headers readable. A malformed entry is left out and named in the log at start.
/// </summary>
public static class DataCors
{
    public const string SectionName = "Cors:AllowedOrigins";

    private const string PolicyName = "data";

    public static IReadOnlyList<string> Origins(IConfiguration configuration, ILogger? log = null)
    {
        var origins = new List<string>();
        foreach (var entry in configuration.GetSection(SectionName).Get<string[]>() ?? [])
        {
            if (Uri.TryCreate(entry?.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.AbsolutePath == "/" && string.IsNullOrEmpty(uri.Query))
            {
                origins.Add(uri.GetLeftPart(UriPartial.Authority));
            }
            else
            {
                log?.LogWarning("{Section}: '{Entry}' is not an origin (scheme://host[:port]); it was left out", SectionName, entry);
            }
        }
        return origins;
    }

    public static IServiceCollection AddDataCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = Origins(configuration);
        return origins.Count == 0 ? services : services.AddCors(o => o.AddPolicy(PolicyName, policy => policy
            .WithOrigins([.. origins])
            .WithMethods(HttpMethods.Get, HttpMethods.Head)
            .WithExposedHeaders("ETag", "Last-Modified", "Link", "Content-Disposition")));
    }

    public static IApplicationBuilder UseDataCors(this IApplicationBuilder app, IConfiguration configuration)
    {
        var origins = Origins(configuration, app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DataCors)));
        return origins.Count == 0 ? app : app.UseCors(PolicyName);
    }
}
