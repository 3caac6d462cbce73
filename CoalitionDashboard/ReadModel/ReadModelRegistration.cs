using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.ReadModel;

public static class ReadModelRegistration
{
    /// <summary>
    /// The read side: reference data and the filter, the shared pledge facts and query cache (both keyed on the data
    /// generation), and the queries by area. Needs the data layer (the context factory, <see cref="Data.DataGeneration"/>).
    /// </summary>
    public static IServiceCollection AddReadModel(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ReferenceData>();
        services.AddSingleton<FilterContextFactory>();
        services.AddOptions<FreshnessOptions>().BindConfiguration(FreshnessOptions.SectionName);
        services.AddSingleton<FreshnessCheck>();
        services.AddSingleton<QueryCache>();
        services.AddSingleton<PledgeFactsStore>();
        services.AddScoped<PledgeQueries>();
        services.AddScoped<CountryQueries>();
        services.AddScoped<EventQueries>();
        services.AddScoped<QuoteQueries>();
        services.AddScoped<OpenIssueQueries>();
        services.AddScoped<DashboardQueries>();
        services.AddScoped<OverviewQueries>();
        services.AddScoped<SourceQueries>();
        return services;
    }
}
