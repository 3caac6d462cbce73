namespace CoalitionDashboard.Features.Briefings;

public static class BriefingsFeature
{
    /// <summary>The decks of <c>data/briefings</c> (read and checked once, kept) and what builds their slides.</summary>
    public static IServiceCollection AddBriefingsFeature(this IServiceCollection services) => services
        .AddSingleton<DeckStore>()
        .AddSingleton<DeckResolver>()
        .AddScoped<DeckBuilder>();
}
