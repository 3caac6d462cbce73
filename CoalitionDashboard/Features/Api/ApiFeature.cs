namespace CoalitionDashboard.Features.Api;

public static class ApiFeature
{
    /// <summary>The JSON API's queries (its records are shaped from the read side's) and its OpenAPI document.</summary>
    public static IServiceCollection AddApiFeature(this IServiceCollection services) => services.AddScoped<ApiQueries>().AddApiDocument();
}
