namespace CoalitionDashboard.Infrastructure;

/// <summary>
/// While the store cannot be used at all (a read-only file without current data, a file the process may not open),
/// every page and API call answers 503 with one sentence saying so, instead of an error page per query. The
/// health probe, static files and the Blazor endpoints are left alone.
/// </summary>
public static class StoreUnavailable
{
    public static IApplicationBuilder UseStoreUnavailableAnswer(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var readiness = context.RequestServices.GetRequiredService<DataReadiness>();
        var path = context.Request.Path;
        if (readiness.IsUsable || path.StartsWithSegments("/healthz") || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
            || Path.HasExtension(path.Value))
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "30";
        var message = "The dashboard cannot read its database just now: " + readiness.Description + ". Whoever runs the dashboard finds the details in its log.";
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/export"))
        {
            await Results.Problem(title: "Data unavailable", detail: message, statusCode: StatusCodes.Status503ServiceUnavailable).ExecuteAsync(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(string.Concat(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Data unavailable · Coalition dashboard</title></head><body><main><h1>Data unavailable</h1><p>",
            System.Net.WebUtility.HtmlEncode(message), "</p></main></body></html>"));
    });
}
