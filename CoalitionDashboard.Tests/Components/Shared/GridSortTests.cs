using CoalitionDashboard.Components.Shared;
using MudBlazor;

namespace CoalitionDashboard.Tests.Components.Shared;

public sealed class GridSortTests
{
    [Fact]
    public void Parse_ReadsColumnsAndDirectionsInOrder()
    {
        var sort = GridSort.Parse("http://x/countries?bloc=eu&sort=-pledges,Country");

        Assert.Equal([("pledges", true), ("country", false)], sort);
        Assert.Equal(SortDirection.Descending, GridSort.Initial(sort, "pledges"));
        Assert.Equal(SortDirection.Ascending, GridSort.Initial(sort, "country"));
        Assert.Equal(SortDirection.None, GridSort.Initial(sort, "role"));
    }

    [Theory]
    [InlineData("http://x/countries")]
    [InlineData("http://x/countries?sort=")]
    [InlineData("http://x/countries?sort=,-,")]
    public void Parse_NoSort_IsTheDefaultOrder(string uri) => Assert.Empty(GridSort.Parse(uri));

    [Fact]
    public void With_ReplacesOnlyTheSort()
    {
        Assert.Equal("http://x/countries?bloc=eu&sort=-pledges", GridSort.With("http://x/countries?sort=role&bloc=eu", "-pledges"));
        Assert.Equal("http://x/countries?bloc=eu", GridSort.With("http://x/countries?bloc=eu&sort=role", null));
        Assert.Equal("http://x/countries", GridSort.With("http://x/countries?sort=role", ""));
    }
}
