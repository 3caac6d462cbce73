using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CoalitionDashboard.Features.Export;

/// <summary>
/// An Excel workbook of one export (Open XML SDK): the records on a first sheet with typed cells (numbers, TRUE/FALSE,
/// dates as dates), a bold header that stays in view (frozen) and filter buttons, and an "About" sheet with the filter,
/// the data's dates, the licence and how to cite, and what every column means.
/// </summary>
public static class Xlsx
{
    private const uint HeaderStyle = 1;
    private const uint DateStyle = 2;
    private const uint WrapStyle = 3;

    public static byte[] Write(string sheetName, IReadOnlyList<ExportColumn> columns, Csv csv, IReadOnlyList<(string Key, string Value)> about)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var styles = workbook.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());

            var data = workbook.AddNewPart<WorksheetPart>();
            var rows = new SheetData();
            rows.Append(Row(1, csv.Rows[0].Select(h => Text(h, HeaderStyle))));
            for (var r = 1; r < csv.Rows.Count; r++)
            {
                rows.Append(Row((uint)r + 1, csv.Rows[r].Select((value, c) => Typed(value, columns[c].Type))));
            }
            var lastColumn = ColumnName(columns.Count);
            data.Worksheet = new Worksheet(
                new SheetViews(new SheetView(new Pane { VerticalSplit = 1, TopLeftCell = "A2", ActivePane = PaneValues.BottomLeft, State = PaneStateValues.Frozen })
                    { TabSelected = true, WorkbookViewId = 0 }),
                new Columns(columns.Select((c, i) => new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = Width(c), CustomWidth = true })),
                rows,
                new AutoFilter { Reference = $"A1:{lastColumn}{csv.Rows.Count}" });
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(data), SheetId = 1, Name = sheetName });

            var aboutPart = workbook.AddNewPart<WorksheetPart>();
            var aboutRows = new SheetData();
            uint n = 1;
            foreach (var (key, value) in about)
            {
                aboutRows.Append(Row(n++, [Text(key, HeaderStyle), Text(value, WrapStyle)]));
            }
            aboutRows.Append(Row(n++, []));
            aboutRows.Append(Row(n++, [Text("Column", HeaderStyle), Text("Meaning", HeaderStyle), Text("Type", HeaderStyle), Text("Allowed values", HeaderStyle)]));
            foreach (var column in columns)
            {
                aboutRows.Append(Row(n++, [Text(column.Name), Text(column.Description, WrapStyle), Text(column.Type), Text(column.Values is { } v ? string.Join(", ", v) : "")]));
            }
            aboutPart.Worksheet = new Worksheet(
                new Columns(new Column { Min = 1, Max = 1, Width = 24, CustomWidth = true }, new Column { Min = 2, Max = 2, Width = 90, CustomWidth = true },
                    new Column { Min = 3, Max = 3, Width = 10, CustomWidth = true }, new Column { Min = 4, Max = 4, Width = 60, CustomWidth = true }),
                aboutRows);
            sheets.Append(new Sheet { Id = workbook.GetIdOfPart(aboutPart), SheetId = 2, Name = "About" });
            workbook.Workbook.Save();
        }
        return stream.ToArray();
    }

    private static Row Row(uint index, IEnumerable<Cell> cells)
    {
        var row = new Row { RowIndex = index };
        var c = 0;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(++c) + index.ToString(CultureInfo.InvariantCulture);
            row.Append(cell);
        }
        return row;
    }

    private static Cell Typed(string? value, string type)
    {
        if (string.IsNullOrEmpty(value))
        {
            return new Cell();
        }
        switch (type)
        {
            case "boolean" when value is "TRUE" or "FALSE":
                return new Cell { DataType = CellValues.Boolean, CellValue = new CellValue(value == "TRUE") };
            case "integer" or "number" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                return new Cell { CellValue = new CellValue(number) };
            case "date" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                return new Cell { CellValue = new CellValue(day.ToDateTime(TimeOnly.MinValue).ToOADate().ToString(CultureInfo.InvariantCulture)), StyleIndex = DateStyle };
            default:
                return Text(value);
        }
    }

    // Text as an inline string: never a formula, whatever it starts with.
    private static Cell Text(string? value, uint style = 0) => new(new InlineString(new Text(value ?? "") { Space = SpaceProcessingModeValues.Preserve }))
    {
        DataType = CellValues.InlineString,
        StyleIndex = style == 0 ? null : style,
    };

    private static double Width(ExportColumn column) => column.Type switch
    {
        "boolean" => 10,
        "date" => 12,
        "integer" or "number" => 12,
        _ => column.Name is "description" or "summary" or "text" or "title" or "note" ? 60 : 22,
    };

    private static string ColumnName(int index)
    {
        var name = "";
        for (; index > 0; index = (index - 1) / 26)
        {
            name = (char)('A' + (index - 1) % 26) + name;
        }
        return name;
    }

    // 0: default; 1: bold header; 2: ISO date; 3: wrapped text.
    private static Stylesheet Stylesheet() => new(
        new NumberingFormats(new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" }) { Count = 1 },
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(new Fill(new PatternFill { PatternType = PatternValues.None }), new Fill(new PatternFill { PatternType = PatternValues.Gray125 })) { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            new CellFormat { FontId = 1, ApplyFont = true },
            new CellFormat { NumberFormatId = 164, ApplyNumberFormat = true },
            new CellFormat(new Alignment { WrapText = true, Vertical = VerticalAlignmentValues.Top }) { ApplyAlignment = true }) { Count = 4 });
}
