using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using CoalitionDashboard.Data.Markdown;

namespace CoalitionDashboard.Data.Import;

/// <summary>A date as written in the data files: a day, a month, a year, or a range of days.</summary>
public readonly record struct DateValue(DateOnly Start, DateOnly? End, DatePrecision Precision, string Text);

/// <summary>A reference to another record (an id), with the line it was written on.</summary>
public readonly record struct IdRef(string Id, int Line);

/// <summary>
/// Typed, forgiving access to one record's properties: every type, vocabulary or format error becomes a
/// <see cref="DataProblem"/> at the property's line instead of an exception, so one run reports them all.
/// </summary>
public sealed partial class FieldReader
{
    private readonly string _file;
    private readonly int _line;
    private readonly IReadOnlyDictionary<string, RawField> _fields;
    private readonly ProblemList _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public FieldReader(RawRecord record, ProblemList problems)
        : this(record.File, record.Line, record.Fields, problems)
    {
    }

    private FieldReader(string file, int line, IReadOnlyDictionary<string, RawField> fields, ProblemList problems)
    {
        _file = file;
        _line = line;
        _fields = fields;
        _problems = problems;
    }

    public string File => _file;

    public int Line => _line;

    public int LineOf(string name) => _fields.TryGetValue(name, out var field) ? field.Line : _line;

    public void Problem(string name, string message) => _problems.Add(_file, LineOf(name), message);

    public void ProblemAt(int line, string message) => _problems.Add(_file, line, message);

    /// <summary>The longest text a field may hold, in characters (the longest curated one is under 1,500).</summary>
    public const int MaxTextLength = 20_000;

    private static readonly MarkdownRenderer s_markdown = new();

    public string? String(string name, bool required = false)
    {
        var field = Get(name, required);
        if (field is null)
        {
            return null;
        }
        if (field.Value.ValueKind != JsonValueKind.String)
        {
            TypeProblem(field, "a string");
            return null;
        }
        var value = field.Value.GetString()!.Trim();
        if (value.Length > MaxTextLength)
        {
            _problems.Add(_file, field.Line, $"'{name}' is too long ({value.Length:N0} characters; a text field holds at most {MaxTextLength:N0})");
            return null;
        }
        if (value.Length == 0)
        {
            if (required)
            {
                _problems.Add(_file, field.Line, $"'{name}' must not be empty");
            }
            return null;
        }
        return value;
    }

    /// <summary>
    /// A Markdown text: rendered here with the app's own renderer and its limits, so text a page could not render
    /// (nested too deeply, too long) is refused with its line instead of being shown unformatted.
    /// </summary>
    public string? Markdown(string name, bool required = false)
    {
        var value = String(name, required);
        if (value is not null && !s_markdown.TryRender(value, out _, out var error))
        {
            Problem(name, $"'{name}' {error}");
        }
        return value;
    }

    /// <summary>A record id: letters, digits and dashes.</summary>
    public string? Id(string name)
    {
        var value = String(name, required: true);
        if (value is not null && !IdPattern().IsMatch(value))
        {
            Problem(name, $"'{name}' value '{value}' is not a valid id (letters, digits and '-', starting with a letter or digit)");
            return null;
        }
        return value;
    }

    public bool Bool(string name, bool? fallback = null)
    {
        var field = Get(name, required: fallback is null);
        if (field is null)
        {
            return fallback ?? false;
        }
        if (field.Value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            TypeProblem(field, "true or false");
            return fallback ?? false;
        }
        return field.Value.GetBoolean();
    }

    public double? Number(string name)
    {
        var field = Get(name, required: false);
        if (field is null)
        {
            return null;
        }
        if (field.Value.ValueKind != JsonValueKind.Number || !field.Value.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            TypeProblem(field, "a number");
            return null;
        }
        return value;
    }

    public int? Integer(string name, bool required = false)
    {
        var field = Get(name, required);
        if (field is null)
        {
            return null;
        }
        if (field.Value.ValueKind != JsonValueKind.Number || !field.Value.TryGetInt32(out var value))
        {
            TypeProblem(field, "a whole number");
            return null;
        }
        return value;
    }

    public TEnum? Enum<TEnum>(string name, bool required = false) where TEnum : struct, Enum
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (Slug.TryParse<TEnum>(text, out var value))
        {
            return value;
        }
        Problem(name, $"'{name}' value '{text}' is not one of: {string.Join(", ", Slug.All<TEnum>())}");
        return null;
    }

    public DateValue? Date(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null)
        {
            return null;
        }
        if (TryParseDate(text, out var value, out var error))
        {
            return value;
        }
        Problem(name, $"'{name}' value '{text}' {error}");
        return null;
    }

    /// <summary>A list of ids; <paramref name="required"/> also means "at least one".</summary>
    public IReadOnlyList<IdRef> Ids(string name, bool required = false)
    {
        var field = Get(name, required);
        if (field is null)
        {
            return [];
        }
        if (field.Value.ValueKind != JsonValueKind.Array)
        {
            TypeProblem(field, "a list of ids ([\"...\"])");
            return [];
        }
        var ids = new List<IdRef>();
        var index = 0;
        foreach (var item in field.Value.EnumerateArray())
        {
            var line = field.LineOfItem(index++);
            if (item.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(item.GetString()))
            {
                _problems.Add(_file, line, $"'{name}' must contain only non-empty strings");
                continue;
            }
            var id = item.GetString()!.Trim();
            if (ids.Any(existing => existing.Id == id))
            {
                _problems.Add(_file, line, $"'{name}' lists '{id}' twice");
                continue;
            }
            ids.Add(new IdRef(id, line));
        }
        if (required && ids.Count == 0 && field.Value.GetArrayLength() == 0)
        {
            _problems.Add(_file, field.Line, $"'{name}' must list at least one entry");
        }
        return ids;
    }

    public FieldReader? Object(string name)
    {
        var field = Get(name, required: false);
        if (field is null)
        {
            return null;
        }
        if (field.Value.ValueKind != JsonValueKind.Object)
        {
            TypeProblem(field, "an object ({ ... })");
            return null;
        }
        return Nested(field.Value, field.Line);
    }

    public IReadOnlyList<FieldReader> Objects(string name)
    {
        var field = Get(name, required: false);
        if (field is null)
        {
            return [];
        }
        if (field.Value.ValueKind != JsonValueKind.Array)
        {
            TypeProblem(field, "a list of objects ([ { ... } ])");
            return [];
        }
        var readers = new List<FieldReader>();
        var index = 0;
        foreach (var item in field.Value.EnumerateArray())
        {
            var line = field.LineOfItem(index++);
            if (item.ValueKind != JsonValueKind.Object)
            {
                _problems.Add(_file, line, $"'{name}' must contain only objects");
                continue;
            }
            readers.Add(Nested(item, line));
        }
        return readers;
    }

    /// <summary>Reports every property that no accessor asked for: a typo must not silently drop data.</summary>
    public void ReportUnknownProperties()
    {
        foreach (var field in _fields.Values.Where(f => !_read.Contains(f.Name)).OrderBy(f => f.Line))
        {
            var suggestion = _read.Select(known => (known, distance: Distance(known, field.Name)))
                .Where(c => c.distance <= 2).OrderBy(c => c.distance).Select(c => c.known).FirstOrDefault();
            var hint = suggestion is null ? $"known properties: {string.Join(", ", _read.Order(StringComparer.Ordinal))}" : $"did you mean '{suggestion}'?";
            _problems.Add(_file, field.Line, $"unknown property '{field.Name}' ({hint})");
        }
    }

    /// <summary>The first and last day a record or a filter may name: the charts pad their axes by months and years
    /// around the dates they show, which 0001-01-01 or 9999-12-31 cannot bear, and no record of this story lies outside.</summary>
    public static readonly DateOnly EarliestDate = new(1900, 1, 1);

    public static readonly DateOnly LatestDate = new(2199, 12, 31);

    public static bool TryParseDate(string text, out DateValue value, out string error)
    {
        value = default;
        var parts = text.Split('/');
        if (parts.Length > 2)
        {
            error = "is not a date (YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)";
            return false;
        }
        if (!TryParseSingle(parts[0], out var start, out var precision))
        {
            error = "is not a date (YYYY-MM-DD, YYYY-MM, YYYY or YYYY-MM-DD/YYYY-MM-DD)";
            return false;
        }
        DateOnly? end = null;
        if (parts.Length == 2)
        {
            if (precision != DatePrecision.Day || !TryParseSingle(parts[1], out var endDate, out var endPrecision) || endPrecision != DatePrecision.Day)
            {
                error = "is not a date range (YYYY-MM-DD/YYYY-MM-DD)";
                return false;
            }
            if (endDate <= start)
            {
                error = "is a date range whose end is not after its start";
                return false;
            }
            end = endDate;
        }
        if (start < EarliestDate || (end ?? start) > LatestDate)
        {
            error = $"is outside the years the dashboard draws ({EarliestDate.Year} to {LatestDate.Year})";
            return false;
        }
        value = new DateValue(start, end, precision, text);
        error = "";
        return true;
    }

    private static bool TryParseSingle(string text, out DateOnly date, out DatePrecision precision)
    {
        precision = text.Length switch { 4 => DatePrecision.Year, 7 => DatePrecision.Month, _ => DatePrecision.Day };
        var format = precision switch { DatePrecision.Year => "yyyy", DatePrecision.Month => "yyyy-MM", _ => "yyyy-MM-dd" };
        return DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private FieldReader Nested(JsonElement element, int line)
    {
        var fields = element.EnumerateObject().GroupBy(p => p.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => new RawField(g.Key, g.First().Value, line), StringComparer.Ordinal);
        return new FieldReader(_file, line, fields, _problems);
    }

    private RawField? Get(string name, bool required)
    {
        _read.Add(name);
        if (_fields.TryGetValue(name, out var field) && field.Value.ValueKind != JsonValueKind.Null)
        {
            // A value reported as unreadable already (a lone surrogate, a control character) is not reported again.
            return field.Unusable ? null : field;
        }
        if (required)
        {
            _problems.Add(_file, LineOf(name), $"missing required property '{name}'");
        }
        return null;
    }

    private void TypeProblem(RawField field, string expected) =>
        _problems.Add(_file, field.Line, $"'{field.Name}' must be {expected}, not {Describe(field.Value)}");

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"the string \"{Truncate(value.GetString()!)}\"",
        JsonValueKind.Number => $"the number {value.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => $"the boolean {value.GetRawText()}",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        _ => value.ValueKind.ToString().ToLowerInvariant(),
    };

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            previous = current;
        }
        return previous[b.Length];
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9-]*$")]
    private static partial Regex IdPattern();
}
