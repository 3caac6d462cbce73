using System.Net;
using CoalitionDashboard.Tests.EndToEnd.Infrastructure;
using CoalitionDashboard.Tests.TestSupport;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>Every dashboard page says how to cite it: title, the data's dates, its own address with the filter, the day.</summary>
[Trait("Category", "Integration")]
public sealed class CitationTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    public static TheoryData<string> Pages => new(SitePages.All.Where(p => !p.StartsWith("/briefings/", StringComparison.Ordinal)).Append("/pledges?bloc=eu&asof=2026-02-13"));

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_SaysHowToCiteIt(string path)
    {
        var html = WebUtility.HtmlDecode(await _client.GetStringAsync(path, TestContext.Current.CancellationToken));

        var at = html.IndexOf("data-testid=\"page-citation\"", StringComparison.Ordinal);
        Assert.True(at > 0, $"{path} has no citation");
        var footer = html[at..html.IndexOf("</footer>", at, StringComparison.Ordinal)];
        Assert.Contains("Coalition dashboard, \"", footer, StringComparison.Ordinal);
        Assert.Contains(path, footer, StringComparison.Ordinal);
        Assert.Contains($"data as of {Curated.Short(Curated.AsOf)}", footer, StringComparison.Ordinal);
        Assert.Contains("retrieved ", footer, StringComparison.Ordinal);
        Assert.Contains("CC BY 4.0", footer, StringComparison.Ordinal);
        Assert.Contains("export/data.zip", footer, StringComparison.Ordinal);
    }
}
