using System.Text.Json;

namespace CoalitionDashboard.Data.Import;

/// <summary>A JSON property value together with the line it starts on.</summary>
public sealed record RawField(string Name, JsonElement Value, int Line, IReadOnlyList<int>? ItemLines = null)
{
    /// <summary>The line of the <paramref name="index"/>-th element when the value is an array.</summary>
    public int LineOfItem(int index) => ItemLines is not null && index < ItemLines.Count ? ItemLines[index] : Line;
}

/// <summary>One JSON object of a data file, with the line of its opening brace and of each property.</summary>
public sealed record RawRecord(string File, int Line, IReadOnlyDictionary<string, RawField> Fields);

/// <summary>
/// Reads the data files while keeping track of line numbers, which <see cref="JsonDocument"/> does not:
/// every problem found later can then be reported as <c>file:line</c>.
/// </summary>
public static class JsonRecordReader
{
    private static readonly JsonReaderOptions s_options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>Reads a file holding an array of objects. Returns null (with a problem) when the file cannot be used at all.</summary>
    public static IReadOnlyList<RawRecord>? ReadArray(string path, ProblemList problems)
    {
        var bytes = ReadBytes(path, problems);
        if (bytes is null)
        {
            return null;
        }

        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, s_options);
        var records = new List<RawRecord>();
        try
        {
            if (!reader.Read())
            {
                problems.Add(path, 1, "the file is empty; expected a JSON array of records: [ { ... }, ... ]");
                return null;
            }
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                problems.Add(path, lines.LineAt(reader.TokenStartIndex), $"expected a JSON array of records ([ ... ]) but found {Describe(reader.TokenType)}");
                return null;
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var line = lines.LineAt(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    problems.Add(path, line, $"expected a record ({{ ... }}) but found {Describe(reader.TokenType)}");
                    reader.Skip();
                    continue;
                }
                records.Add(ReadObjectBody(ref reader, path, line, lines, problems));
            }
            EnsureEnd(ref reader, path, lines, problems);
        }
        catch (JsonException ex)
        {
            problems.Add(path, (int)(ex.LineNumber ?? 0) + 1, "invalid JSON: " + CleanMessage(ex.Message));
            return null;
        }
        return records;
    }

    /// <summary>Reads a file holding a single object.</summary>
    public static RawRecord? ReadObject(string path, ProblemList problems)
    {
        var bytes = ReadBytes(path, problems);
        if (bytes is null)
        {
            return null;
        }

        var lines = new LineIndex(bytes);
        var reader = new Utf8JsonReader(bytes, s_options);
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                var line = reader.TokenType == JsonTokenType.None ? 1 : lines.LineAt(reader.TokenStartIndex);
                problems.Add(path, line, "expected a JSON object ({ ... })");
                return null;
            }
            var record = ReadObjectBody(ref reader, path, lines.LineAt(reader.TokenStartIndex), lines, problems);
            EnsureEnd(ref reader, path, lines, problems);
            return record;
        }
        catch (JsonException ex)
        {
            problems.Add(path, (int)(ex.LineNumber ?? 0) + 1, "invalid JSON: " + CleanMessage(ex.Message));
            return null;
        }
    }

    private static RawRecord ReadObjectBody(ref Utf8JsonReader reader, string path, int line, LineIndex lines, ProblemList problems)
    {
        var fields = new Dictionary<string, RawField>(StringComparer.Ordinal);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString() ?? "";
            var propertyLine = lines.LineAt(reader.TokenStartIndex);
            reader.Read();
            var itemLines = reader.TokenType == JsonTokenType.StartArray ? ItemLines(reader, lines) : null;
            using var document = JsonDocument.ParseValue(ref reader);
            if (!fields.TryAdd(name, new RawField(name, document.RootElement.Clone(), propertyLine, itemLines)))
            {
                problems.Add(path, propertyLine, $"property '{name}' appears twice in the same record");
            }
        }
        return new RawRecord(path, line, fields);
    }

    /// <summary>Lines of an array's elements, read from a copy of the reader so the caller's position is kept.</summary>
    private static List<int> ItemLines(Utf8JsonReader probe, LineIndex lines)
    {
        var result = new List<int>();
        var depth = probe.CurrentDepth;
        while (probe.Read() && probe.CurrentDepth > depth)
        {
            result.Add(lines.LineAt(probe.TokenStartIndex));
            if (probe.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                probe.Skip();
            }
        }
        return result;
    }

    private static void EnsureEnd(ref Utf8JsonReader reader, string path, LineIndex lines, ProblemList problems)
    {
        if (reader.Read())
        {
            problems.Add(path, lines.LineAt(reader.TokenStartIndex), "unexpected content after the end of the top-level JSON value");
        }
    }

    private static byte[]? ReadBytes(string path, ProblemList problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(path, 0, "file not found");
            return null;
        }
        var bytes = File.ReadAllBytes(path);
        // Tolerate a UTF-8 byte order mark, which some Windows editors add.
        return bytes.AsSpan().StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes;
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    private static string CleanMessage(string message)
    {
        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m."; we report the line ourselves.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    /// <summary>Maps byte offsets to 1-based line numbers.</summary>
    private sealed class LineIndex
    {
        private readonly List<long> _lineStarts = [0];

        public LineIndex(byte[] bytes)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] == (byte)'\n')
                {
                    _lineStarts.Add(i + 1);
                }
            }
        }

        public int LineAt(long offset)
        {
            var index = _lineStarts.BinarySearch(offset);
            return (index >= 0 ? index : ~index - 1) + 1;
        }
    }
}
