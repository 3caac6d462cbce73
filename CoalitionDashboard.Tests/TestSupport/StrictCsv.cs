using System.Text;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// A CSV reader as strict as RFC 4180 (and csvkit's or csv-parse's strict modes): no byte-order mark, CRLF line ends,
/// a quote only around a whole field with inner quotes doubled, every row as wide as the header. Anything else throws,
/// naming the line: what a tool that reads the file "as it is" would trip on.
/// </summary>
public static class StrictCsv
{
    public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows)
    {
        public int Column(string name) => Header.ToList().IndexOf(name) is var i and >= 0 ? i : throw new InvalidDataException($"no column '{name}' in {string.Join(",", Header)}");

        public IEnumerable<string> Values(string name)
        {
            var i = Column(name);
            return Rows.Select(r => r[i]);
        }
    }

    public static Table Parse(byte[] bytes)
    {
        if (bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF)
        {
            throw new InvalidDataException("the file starts with a UTF-8 byte-order mark");
        }
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '"' && field.Length == 0)
            {
                i++;
                while (true)
                {
                    if (i >= text.Length)
                    {
                        throw new InvalidDataException($"line {line}: a quoted field is never closed");
                    }
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            field.Append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    if (text[i] == '\n')
                    {
                        line++;
                    }
                    field.Append(text[i++]);
                }
                if (i < text.Length && text[i] != ',' && text[i] != '\r')
                {
                    throw new InvalidDataException($"line {line}: text after a closing quote");
                }
                continue;
            }
            switch (text[i])
            {
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    i++;
                    break;
                case '\r':
                    if (i + 1 >= text.Length || text[i + 1] != '\n')
                    {
                        throw new InvalidDataException($"line {line}: a CR without an LF");
                    }
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add(row);
                    row = [];
                    i += 2;
                    line++;
                    break;
                case '\n':
                    throw new InvalidDataException($"line {line}: an LF without a CR");
                case '"':
                    throw new InvalidDataException($"line {line}: a quote inside an unquoted field");
                default:
                    field.Append(text[i++]);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        if (rows.Count == 0)
        {
            throw new InvalidDataException("the file is empty");
        }
        var header = rows[0];
        for (var r = 1; r < rows.Count; r++)
        {
            if (rows[r].Count != header.Count)
            {
                throw new InvalidDataException($"row {r + 1} has {rows[r].Count} fields, the header {header.Count}");
            }
        }
        return new Table(header, rows.Skip(1).Select(r => (IReadOnlyList<string>)r).ToList());
    }
}
