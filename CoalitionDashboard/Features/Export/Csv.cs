using System.Text;

namespace CoalitionDashboard.Features.Export;

/// <summary>RFC 4180 CSV with "#" metadata lines on top (filter, data-as-of), which pandas/R read with comment='#'.</summary>
public sealed class Csv
{
    private readonly StringBuilder _text = new();

    public Csv Comment(string line)
    {
        _text.Append("# ").Append(line.Replace('\n', ' ').Replace('\r', ' ')).Append("\r\n");
        return this;
    }

    public Csv Row(params IEnumerable<string?> fields)
    {
        var first = true;
        foreach (var field in fields)
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

    internal static string Escape(string? field)
    {
        if (string.IsNullOrEmpty(field))
        {
            return "";
        }
        // A leading = + - @ (or a tab or CR before one, which spreadsheet programs skip) would be run as a formula.
        if (field[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            field = "'" + field;
        }
        return field.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + field.Replace("\"", "\"\"") + "\"" : field;
    }
}
