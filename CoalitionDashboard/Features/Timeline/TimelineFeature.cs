using CoalitionDashboard.Components.Charts;
using CoalitionDashboard.Data;

namespace CoalitionDashboard.Features.Timeline;

public static class TimelineFeature
{
    public const string Chart = "timeline";

    /// <summary>The timeline's chart ("kind=summit" narrows it to one kind of event), built once per filter and kind.</summary>
    public static IServiceCollection AddTimelineFeature(this IServiceCollection services) =>
        services.AddChart(Chart, async (queries, request) =>
        {
            var context = request.Context;
            var kind = Kind(request);
            var coalitionInScope = context.Filter.Countries.Any(c => context.Reference.Find(c)?.Role == CoalitionRole.Member);
            var events = (await queries.Events.GetEventsAsync(context.Filter, coalitionInScope)).Where(e => kind is null || e.Kind == kind).ToList();
            return ChartBuilders.Timeline(Chart, events, context.Filter.AsOf ?? context.Reference.AsOf,
                ChartCaption.For(context) + (kind is { } shown ? $" · Kind: {Vocabulary.Label(shown)}" : ""));
        }, request => Kind(request)?.ToString() ?? "");

    private static EventKind? Kind(ChartRequest request) =>
        Slug.TryParse<EventKind>(request.Arg("kind")?.ToLowerInvariant(), out var kind) ? kind : null;
}
