using System.Globalization;
using System.Text;

namespace CoalitionDashboard.Features.Export;

/// <summary>
/// CSV as RFC 4180 has it, which every reader takes without options (pandas' and R's defaults, csvkit, strict parsers):
/// UTF-8 without a byte-order mark, the header as the first line, CRLF line ends, a field quoted where it holds a
/// comma, quote, line break or "#" (a reader told to skip comments would cut the row there). What the file is about
/// (filter, dates, licence, citation) travels beside it, in /export/metadata.json, not in it.
/// </summary>
public sealed class Csv
{
    /// <summary>The one separator inside a list-valued field ("FRA;DEU").</summary>
    public const char ListSeparator = ';';

    private readonly StringBuilder _text = new();
    private readonly List<IReadOnlyList<string?>> _rows = [];

    /// <summary>The rows as written, unescaped (the header first): what the Excel export types and writes.</summary>
    public IReadOnlyList<IReadOnlyList<string?>> Rows => _rows;

    public Csv Row(params IEnumerable<string?> fields)
    {
        var values = fields.ToList();
        _rows.Add(values);
        var first = true;
        foreach (var field in values)
        {
            if (!first)
            {
                _text.Append(',');
            }
            first = false;
            _text.Append(Escape(field));
        }
        _text.Append("\r\n");
        return this;
    }

    public override string ToString() => _text.ToString();

    public byte[] ToBytes() => new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(_text.ToString());

    public static string List(IEnumerable<string> items) => string.Join(ListSeparator, items);

    // TRUE/FALSE: R's read.csv takes only these (and T/F) as logical; pandas and Frictionless take them too.
    public static string Bool(bool value) => value ? "TRUE" : "FALSE";

    public static string? Number(double? value) => value?.ToString("R", CultureInfo.InvariantCulture);

    public static string? Number(int? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string? Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    internal static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }
        // A leading = + - @ (or a tab or CR before one, which spreadsheet programs skip) would be run as a formula; a
        // number stays a number.
        if (field[0] is '=' or '+' or '-' or '@' or '\t' or '\r'
            && !(field[0] is '-' or '+' && double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out _)))
        {
            field = "'" + field;
        }
        return field.IndexOfAny([',', '"', '\r', '\n', '#']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
