using CoalitionDashboard.Components.Layout;

namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// Serves <see cref="VersionedAssets"/>' addresses: a map outline asked for below its versioned folder is the file
/// of the plain folder (served by the static assets endpoint, compressed, with its ETag), and a request that names
/// the current version may be kept for a year. Runs before routing, like <see cref="PlotlyBundle"/>.
/// </summary>
public static class VersionedAssetCaching
{
    private const string Immutable = "public, max-age=31536000, immutable";

    public static IApplicationBuilder UseVersionedAssets(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        var assets = context.RequestServices.GetRequiredService<VersionedAssets>();
        var path = context.Request.Path.Value ?? "";
        bool current;
        if (assets.TryReadTopoJsonPath(path, out var filePath, out current))
        {
            context.Request.Path = filePath;
        }
        else
        {
            current = assets.IsCurrent(path, context.Request.Query["v"].FirstOrDefault());
        }
        if (current)
        {
            context.Response.OnStarting(() =>
            {
                if (context.Response.StatusCode == StatusCodes.Status200OK)
                {
                    context.Response.Headers.CacheControl = Immutable;
                }
                return Task.CompletedTask;
            });
        }
        return next(context);
    });
}
