using System.Net;
using CoalitionDashboard.Tests.TestSupport;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>The Excel exports, opened with the Open XML SDK as Excel would: typed cells, a frozen header, an About sheet.</summary>
[Trait("Category", "Integration")]
public sealed class XlsxExportTests(DashboardAppFactory factory) : IClassFixture<DashboardAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("pledges", "?bloc=eu")]
    [InlineData("countries", "")]
    [InlineData("events", "?asof=2026-01-06")]
    [InlineData("quotes", "")]
    [InlineData("sources", "")]
    [InlineData("open-issues", "")]
    public async Task Workbook_HasTheCsvsRows_TypedCells_AFrozenHeader_AndAnAboutSheet(string kind, string query)
    {
        // Arrange
        var csv = StrictCsv.Parse(await _client.GetByteArrayAsync($"/export/{kind}.csv{query}", Ct));

        // Act
        var response = await _client.GetAsync($"/export/{kind}.xlsx{query}", Ct);
        using var document = SpreadsheetDocument.Open(new MemoryStream(await response.Content.ReadAsByteArrayAsync(Ct)), false);

        // Assert
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var workbook = document.WorkbookPart!;
        var sheets = workbook.Workbook.Sheets!.Elements<Sheet>().ToList();
        Assert.Equal(2, sheets.Count);
        Assert.Equal("About", sheets[1].Name!.Value);
        var data = ((WorksheetPart)workbook.GetPartById(sheets[0].Id!)).Worksheet;
        var rows = data.GetFirstChild<SheetData>()!.Elements<Row>().ToList();
        Assert.Equal(csv.Rows.Count + 1, rows.Count);
        Assert.Equal(csv.Header, rows[0].Elements<Cell>().Select(c => c.InnerText));
        var pane = data.Descendants<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(1d, pane.VerticalSplit!.Value);

        // Typed cells: a number column holds numbers, a boolean column booleans, a date column dates (serial numbers)
        var columns = csv.Header.ToList();
        var cells = rows.Skip(1).Select(r => r.Elements<Cell>().ToList()).ToList();
        void Holds(string column, Func<Cell, bool> typed)
        {
            var i = columns.IndexOf(column);
            if (i < 0)
            {
                return;
            }
            var filled = cells.Select(r => r[i]).Where(c => c.CellValue is not null || c.InlineString is not null).ToList();
            Assert.NotEmpty(filled);
            Assert.All(filled, c => Assert.True(typed(c), $"{kind} {column}: {c.OuterXml}"));
        }
        Holds("date_start", c => c.DataType is null && c.StyleIndex?.Value == 2 && double.TryParse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture, out _));
        if (kind == "countries")
        {
            Holds("pledges", c => c.DataType is null && double.TryParse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture, out _));
        }
        Holds("quantity_value", c => c.DataType is null && double.TryParse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture, out _));
        Holds("records", c => c.DataType is null && double.TryParse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture, out _));
        Holds("coalition_wide", c => c.DataType?.Value == CellValues.Boolean);
        Holds("eu", c => c.DataType?.Value == CellValues.Boolean);

        var about = ((WorksheetPart)workbook.GetPartById(sheets[1].Id!)).Worksheet.Descendants<Row>()
            .Select(r => r.Elements<Cell>().Select(c => c.InnerText).ToList()).Where(r => r.Count >= 2).ToDictionary(r => r[0], r => r[1]);
        Assert.StartsWith("CC BY 4.0", about["Licence"], StringComparison.Ordinal);
        Assert.Contains("retrieved", about["Cite as"], StringComparison.Ordinal);
        Assert.All(csv.Header, column => Assert.Contains(column, about.Keys));
    }

    [Fact]
    public async Task Workbook_TextThatLooksLikeAFormula_StaysText()
    {
        // Inline strings are never evaluated: no cell of any export is a formula.
        using var document = SpreadsheetDocument.Open(new MemoryStream(await _client.GetByteArrayAsync("/export/quotes.xlsx", Ct)), false);

        Assert.Empty(document.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()));
    }
}
