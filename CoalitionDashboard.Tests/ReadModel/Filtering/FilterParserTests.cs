using CoalitionDashboard.Data;
using CoalitionDashboard.ReadModel.Filtering;

namespace CoalitionDashboard.Tests.ReadModel.Filtering;

public sealed class FilterParserTests
{
    private static readonly HashSet<string> s_known = ["FRA", "DEU", "GBR", "UKR", "POL"];

    [Fact]
    public void Parse_ValidQuery_ReadsEveryFilter()
    {
        var result = FilterParser.Parse("?country=fra,DEU&category=maritime&status=declined&bloc=eu&from=2025-01-01&to=2026-01-31", s_known);

        Assert.Empty(result.Errors);
        Assert.Equal(["DEU", "FRA"], result.Filter.Countries);
        Assert.Equal(PledgeCategory.Maritime, result.Filter.Category);
        Assert.Equal(PledgeStatus.Declined, result.Filter.Status);
        Assert.Equal(Bloc.Eu, result.Filter.Bloc);
        Assert.Equal(new DateOnly(2025, 1, 1), result.Filter.From);
        Assert.Equal(new DateOnly(2026, 1, 31), result.Filter.To);
    }

    [Fact]
    public void Parse_SameFilterDifferentOrder_IsEqualWithOneCanonicalQuery()
    {
        var a = FilterParser.Parse("?category=air&country=GBR,FRA", s_known).Filter;
        var b = FilterParser.Parse("?country=FRA&country=GBR&category=air", s_known).Filter;

        Assert.Equal(a, b);
        Assert.Equal("country=FRA,GBR&category=air", a.Query);
    }

    [Theory]
    [InlineData("?country=FRA,XXX", "Unknown country code 'XXX'")]
    [InlineData("?category=navy", "Unknown category 'navy'")]
    [InlineData("?status=promised", "Unknown status 'promised'")]
    [InlineData("?bloc=asean", "Unknown bloc 'asean'")]
    [InlineData("?from=06/01/2026", "is not a date")]
    [InlineData("?from=2026-02-01&to=2026-01-01", "is reversed")]
    public void Parse_InvalidValue_IsReportedAndIgnored(string query, string expected)
    {
        var result = FilterParser.Parse(query, s_known);

        Assert.Contains(result.Errors, e => e.Contains(expected, StringComparison.Ordinal));
        Assert.Null(result.Filter.Category);
        Assert.Null(result.Filter.Status);
        Assert.Null(result.Filter.Bloc);
        Assert.Null(result.Filter.From);
        Assert.DoesNotContain("XXX", result.Filter.Countries);
    }

    [Fact]
    public void Parse_HostileValue_IsShortenedInTheMessage()
    {
        var result = FilterParser.Parse("?category=" + Uri.EscapeDataString("<script>alert('x')</script>" + new string('a', 200)), s_known);

        var error = Assert.Single(result.Errors);
        Assert.Contains("'<script>alert('x')</scri…'", error, StringComparison.Ordinal);
        Assert.DoesNotContain("aaaa", error, StringComparison.Ordinal);
    }

    [Fact]
    public void WithFilter_KeepsPageParametersAndReplacesFilterOnes()
    {
        var filter = new DashboardFilter(["POL"], null, PledgeStatus.Declined, null, null, null);

        var uri = FilterContext.WithFilter("http://localhost/map?metric=status&country=FRA&view=world", filter);

        Assert.Equal("http://localhost/map?country=POL&status=declined&metric=status&view=world", uri);
    }

    [Fact]
    public void WithFilter_NoFilter_LeavesCleanAddress()
    {
        Assert.Equal("http://localhost/pledges", FilterContext.WithFilter("http://localhost/pledges?country=FRA", DashboardFilter.None));
    }
}
