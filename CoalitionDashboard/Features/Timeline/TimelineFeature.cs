using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel;

namespace CoalitionDashboard.Features.Timeline;

public static class TimelineFeature
{
    public const string Chart = "timeline";

    /// <summary>The timeline's chart ("kind=summit" narrows it to one kind of event), built once per filter and kind.</summary>
    public static IServiceCollection AddTimelineFeature(this IServiceCollection services) =>
        services.AddChart(Chart, (provider, request) =>
        {
            var queries = provider.GetRequiredService<DashboardQueries>();
            var context = request.Context;
            EventKind? kind = Slug.TryParse<EventKind>(request.Arg("kind")?.ToLowerInvariant(), out var k) ? k : null;
            return queries.MemoizeAsync($"spec|{Chart}|{context.Filter.Query}|{kind}", async () =>
            {
                var coalitionInScope = context.Filter.Countries.Any(c => context.Reference.Find(c)?.Role == CoalitionRole.Member);
                var events = (await queries.GetEventsAsync(context.Filter, coalitionInScope)).Where(e => kind is null || e.Kind == kind).ToList();
                return ChartBuilders.Timeline(Chart, events, context.Filter.AsOf ?? context.Reference.AsOf,
                    ChartCaption.For(context) + (kind is { } shown ? $" · Kind: {Vocabulary.Label(shown)}" : ""));
            });
        });
}
