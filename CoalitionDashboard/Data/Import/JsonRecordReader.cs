using System.Buffers;
using System.Text.Json;

namespace CoalitionDashboard.Data.Import;

/// <summary>
/// A JSON property value together with the line it starts on. <paramref name="Unusable"/> marks a value whose problem
/// (a lone surrogate, a control character) was reported already: it reads as absent, without a second problem.
/// </summary>
public sealed record RawField(string Name, JsonElement Value, int Line, IReadOnlyList<int>? ItemLines = null, bool Unusable = false)
{
    /// <summary>The line of the <paramref name="index"/>-th element when the value is an array.</summary>
    public int LineOfItem(int index) => ItemLines is not null && index < ItemLines.Count ? ItemLines[index] : Line;
}

/// <summary>One JSON object of a data file, with the line of its opening brace and of each property.</summary>
public sealed record RawRecord(string File, int Line, IReadOnlyDictionary<string, RawField> Fields);

/// <summary>How a file of records was read: whether it could be used at all, how many elements it held, and the line of its <c>[</c>.</summary>
public readonly record struct ArrayReadResult(bool Readable, int Count, int Line);

/// <summary>
/// Reads the data files as streams, one record at a time, keeping track of line numbers (which
/// <see cref="JsonDocument"/> does not), so every problem found later can be reported as <c>file:line</c>: memory
/// grows with the largest record, not with the file. Lines end at <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>. The bytes
/// must be UTF-8 (a UTF-8 byte order mark is skipped); a byte that is not, a lone surrogate escape such as
/// <c>"\ud800"</c>, or a control character in a string is a problem at its line. Nothing here throws for any content.
/// </summary>
public static class JsonRecordReader
{
    private static readonly JsonReaderOptions s_options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
    };

    /// <summary>
    /// Reads a file holding an array of objects, handing each record to <paramref name="onRecord"/> as soon as it is read
    /// (the record's values live only for that call). Not readable (with a problem) when the file cannot be used at all.
    /// </summary>
    public static ArrayReadResult ReadArray(string path, ProblemList problems, Action<RawRecord> onRecord)
    {
        FileSource? source = null;
        var count = 0;
        var line = 0;
        try
        {
            source = Open(path, problems);
            if (source is null)
            {
                return default;
            }
            if (!source.Next(out var reader))
            {
                problems.Add(path, 1, "the file is empty; expected a JSON array of records: [ { ... }, ... ]");
                return default;
            }
            line = source.LineAt(reader.TokenStartIndex);
            if (reader.TokenType != JsonTokenType.StartArray)
            {
                problems.Add(path, line, $"expected a JSON array of records ([ ... ]) but found {Describe(reader.TokenType)}");
                return default;
            }
            source.Advance(ref reader);
            while (true)
            {
                if (!source.NextValue(out reader))
                {
                    throw new DataFileException(source.LineAt(0), "the file ends before the list of records is closed by ]");
                }
                if (reader.TokenType == JsonTokenType.EndArray)
                {
                    source.Advance(ref reader);
                    break;
                }
                count++;
                var recordLine = source.LineAt(reader.TokenStartIndex);
                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    problems.Add(path, recordLine, $"expected a record ({{ ... }}) but found {Describe(reader.TokenType)}");
                    reader.Skip();
                    source.Advance(ref reader);
                    continue;
                }
                using (var document = ReadObjectBody(ref reader, source, path, recordLine, problems, out var record))
                {
                    source.Advance(ref reader);
                    onRecord(record);
                }
            }
            EnsureEnd(source, path, problems);
        }
        catch (Exception ex) when (Unusable(ex, path, source, problems))
        {
            return default;
        }
        finally
        {
            source?.Dispose();
        }
        return new ArrayReadResult(true, count, line);
    }

    /// <summary>Reads a file holding a single object; <paramref name="onRecord"/> gets it while its values live.</summary>
    public static bool ReadObject(string path, ProblemList problems, Action<RawRecord> onRecord)
    {
        FileSource? source = null;
        try
        {
            source = Open(path, problems);
            if (source is null)
            {
                return false;
            }
            var any = source.NextValue(out var reader);
            if (!any || reader.TokenType != JsonTokenType.StartObject)
            {
                var line = any ? source.LineAt(reader.TokenStartIndex) : 1;
                problems.Add(path, line, "expected a JSON object ({ ... })");
                return false;
            }
            using (var document = ReadObjectBody(ref reader, source, path, source.LineAt(reader.TokenStartIndex), problems, out var record))
            {
                source.Advance(ref reader);
                EnsureEnd(source, path, problems);
                onRecord(record);
            }
            return true;
        }
        catch (Exception ex) when (Unusable(ex, path, source, problems))
        {
            return false;
        }
        finally
        {
            source?.Dispose();
        }
    }

    private static FileSource? Open(string path, ProblemList problems)
    {
        if (!File.Exists(path))
        {
            problems.Add(path, 0, "file not found");
            return null;
        }
        return new FileSource(path);
    }

    /// <summary>Reports what made the file unusable; false for an exception that is not about the file (it propagates).</summary>
    private static bool Unusable(Exception exception, string path, FileSource? source, ProblemList problems)
    {
        switch (exception)
        {
            case DataFileException ex:
                problems.Add(path, ex.Line, ex.Message);
                return true;
            case JsonException ex:
                problems.Add(path, source?.LineOf(ex) ?? 0, "invalid JSON: " + CleanMessage(ex.Message));
                return true;
            case IOException or UnauthorizedAccessException:
                problems.Add(path, 0, "the file could not be read: " + exception.Message);
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Reads one record, all of whose bytes are in the reader's buffer: a first pass over its tokens finds the line of
    /// each property and of each item of a list, and checks every string; then one <see cref="JsonDocument"/> holds its
    /// values (disposed by the caller once the record is used).
    /// </summary>
    private static JsonDocument ReadObjectBody(ref Utf8JsonReader reader, FileSource source, string path, int line, ProblemList problems, out RawRecord record)
    {
        var properties = new List<(string? Name, int Line, List<int>? ItemLines, bool Unusable)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var probe = reader;
        var depth = probe.CurrentDepth;
        var current = -1;
        while (probe.Read() && !(probe.TokenType == JsonTokenType.EndObject && probe.CurrentDepth == depth))
        {
            if (probe.CurrentDepth == depth + 1 && probe.TokenType == JsonTokenType.PropertyName)
            {
                var propertyLine = source.LineAt(probe.TokenStartIndex);
                var name = CheckedString(ref probe, source, path, null, problems);
                if (name is not null && !names.Add(name))
                {
                    problems.Add(path, propertyLine, $"property '{Shorten(name)}' appears twice in the same record");
                    name = null;
                }
                properties.Add((name, propertyLine, null, name is null));
                current = properties.Count - 1;
                continue;
            }
            if (current < 0)
            {
                continue;
            }
            var property = properties[current];
            if (probe.CurrentDepth == depth + 1 && probe.TokenType == JsonTokenType.StartArray)
            {
                properties[current] = property with { ItemLines = [] };
            }
            else if (probe.CurrentDepth == depth + 2 && property.ItemLines is { } items && probe.TokenType is not (JsonTokenType.EndArray or JsonTokenType.EndObject))
            {
                items.Add(source.LineAt(probe.TokenStartIndex));
            }
            if (probe.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !property.Unusable
                && CheckedString(ref probe, source, path, property.Name, problems) is null)
            {
                properties[current] = properties[current] with { Unusable = true };
            }
        }

        var document = JsonDocument.ParseValue(ref reader);
        var fields = new Dictionary<string, RawField>(StringComparer.Ordinal);
        var index = 0;
        foreach (var value in document.RootElement.EnumerateObject())
        {
            var (name, propertyLine, itemLines, unusable) = properties[index++];
            if (name is not null)
            {
                fields[name] = new RawField(name, value.Value, propertyLine, itemLines, unusable);
            }
        }
        record = new RawRecord(path, line, fields);
        return document;
    }

    /// <summary>
    /// The string at the reader, or null (with a problem) when it holds a lone surrogate escape or a control character.
    /// Only escaped strings are decoded here: the bytes of the others are valid UTF-8 already.
    /// </summary>
    private static string? CheckedString(ref Utf8JsonReader reader, FileSource source, string path, string? property, ProblemList problems)
    {
        var isName = reader.TokenType == JsonTokenType.PropertyName;
        var what = isName ? "a property name" : property is null ? "a string" : $"'{Shorten(property)}'";
        string? text = null;
        if (reader.ValueIsEscaped)
        {
            try
            {
                text = reader.GetString()!;
            }
            catch (InvalidOperationException)
            {
                problems.Add(path, source.LineAt(reader.TokenStartIndex), $"{what} holds a lone surrogate (an escape such as \\ud800 without its pair): not valid Unicode");
                return null;
            }
        }
        var control = text is null ? TextChecks.FirstControl(reader.ValueSpan) : TextChecks.FirstControl(text);
        if (control >= 0)
        {
            problems.Add(path, source.LineAt(reader.TokenStartIndex),
                $"{what} contains the control character {TextChecks.DescribeControl(control)}; only tabs and line breaks may appear in text");
            return null;
        }
        return isName ? text ?? reader.GetString()! : text ?? "";
    }

    private static void EnsureEnd(FileSource source, string path, ProblemList problems)
    {
        if (source.NextValue(out var reader))
        {
            problems.Add(path, source.LineAt(reader.TokenStartIndex), "unexpected content after the end of the top-level JSON value");
        }
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

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";

    private static string CleanMessage(string message)
    {
        // System.Text.Json appends "LineNumber: n | BytePositionInLine: m."; we report the line ourselves.
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).Trim();
    }

    /// <summary>A problem that makes the whole file unusable (its encoding), at a line.</summary>
    private sealed class DataFileException(int line, string message) : Exception(message)
    {
        public int Line { get; } = line;
    }

    /// <summary>
    /// A data file read in pieces into a buffer that holds at least the value being read (it grows for a larger one):
    /// every piece is checked to be UTF-8 and its line breaks are noted as it arrives.
    /// </summary>
    private sealed class FileSource : IDisposable
    {
        private const int InitialBuffer = 64 * 1024;

        private readonly FileStream _stream;
        private readonly LineIndex _lines = new();
        private byte[] _buffer = ArrayPool<byte>.Shared.Rent(InitialBuffer);
        private long _offset;   // the file offset of _buffer[0]
        private int _start;     // the first byte not yet consumed
        private int _end;       // the end of the bytes read
        private long _checked;  // the file offset up to which the bytes are known to be UTF-8
        private bool _final;
        private JsonReaderState _state = new(s_options);

        public FileSource(string path)
        {
            _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            try
            {
                Fill();
            }
            catch
            {
                Dispose();
                throw;
            }
            // Tolerate a UTF-8 byte order mark, which some Windows editors add.
            if (_buffer.AsSpan(0, _end).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _start = 3;
                _lines.Origin = 3;
            }
        }

        private Utf8JsonReader Reader() => new(_buffer.AsSpan(_start, _end - _start), _final, _state);

        /// <summary>The next token, reading more of the file as needed; false at the end of the file.</summary>
        public bool Next(out Utf8JsonReader reader)
        {
            while (true)
            {
                reader = Reader();
                if (IsEmptyFile())
                {
                    return false;
                }
                if (reader.Read())
                {
                    return true;
                }
                if (_final)
                {
                    return false;
                }
                Fill();
            }
        }

        /// <summary>System.Text.Json throws for a file with no token at all; that is an empty file here.</summary>
        private bool IsEmptyFile() => _final && _offset + _start == _lines.Origin && IsBlank(_buffer.AsSpan(_start, _end - _start));

        /// <summary>Only white space and comments.</summary>
        private static bool IsBlank(ReadOnlySpan<byte> bytes)
        {
            while (true)
            {
                bytes = bytes.TrimStart(" \t\r\n"u8);
                if (bytes.IsEmpty)
                {
                    return true;
                }
                if (bytes.StartsWith("//"u8))
                {
                    var end = bytes.IndexOfAny((byte)'\n', (byte)'\r');
                    bytes = end < 0 ? [] : bytes[end..];
                }
                else if (bytes.StartsWith("/*"u8))
                {
                    var end = bytes[2..].IndexOf("*/"u8);
                    if (end < 0)
                    {
                        return false;
                    }
                    bytes = bytes[(end + 4)..];
                }
                else
                {
                    return false;
                }
            }
        }

        /// <summary>
        /// The next token with the whole value it starts in the buffer: an object or a list to its end; false at the end
        /// of the file. Inside a list, the end of the file makes the reader throw, saying what is not closed.
        /// </summary>
        public bool NextValue(out Utf8JsonReader reader)
        {
            while (true)
            {
                reader = Reader();
                if (IsEmptyFile())
                {
                    return false;
                }
                if (reader.Read())
                {
                    // On the last piece, an incomplete value throws here instead of answering false.
                    var probe = reader;
                    if (probe.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray) || probe.TrySkip())
                    {
                        return true;
                    }
                }
                else if (_final)
                {
                    return false;
                }
                Fill();
            }
        }

        /// <summary>Marks what the reader has read as consumed.</summary>
        public void Advance(ref Utf8JsonReader reader)
        {
            _start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
        }

        /// <summary>The line of a position in the current reader's span.</summary>
        public int LineAt(long index) => _lines.LineAt(_offset + _start + index);

        /// <summary>The line of a reader exception: System.Text.Json counts only <c>\n</c> as a line break; the position is translated.</summary>
        public int LineOf(JsonException ex) =>
            ex.LineNumber is { } line ? _lines.LineAt(_lines.OffsetOfJsonPosition(line, ex.BytePositionInLine ?? 0)) : _lines.LineAt(_offset + _end);

        /// <summary>Reads more of the file, keeping the bytes not consumed yet (and growing the buffer when they fill it).</summary>
        private void Fill()
        {
            var keep = (int)Math.Min(_start, _checked - _offset);
            if (keep > 0)
            {
                Buffer.BlockCopy(_buffer, keep, _buffer, 0, _end - keep);
                _offset += keep;
                _start -= keep;
                _end -= keep;
                _lines.Forget(_offset);
            }
            if (_end == _buffer.Length)
            {
                var larger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                Buffer.BlockCopy(_buffer, 0, larger, 0, _end);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = larger;
            }
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            _lines.Scan(_buffer.AsSpan(_end, read), _offset + _end);
            _end += read;
            _final = read == 0;
            CheckUtf8();
        }

        private void CheckUtf8()
        {
            var from = (int)(_checked - _offset);
            var span = _buffer.AsSpan(from, _end - from);
            // A character cut by the end of this piece is checked with the next one.
            var length = _final ? span.Length : span.Length - IncompleteTail(span);
            span = span[..length];
            var at = TextChecks.FirstInvalidUtf8(span);
            if (at >= 0)
            {
                if (_checked + at < 2 && _end >= 2 && (_buffer[0], _buffer[1]) is (0xFF, 0xFE) or (0xFE, 0xFF))
                {
                    throw new DataFileException(1, "not valid UTF-8: the file is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8");
                }
                throw new DataFileException(_lines.LineAt(_checked + at), $"not valid UTF-8 (byte 0x{span[at]:X2}); the data files must be saved as UTF-8");
            }
            _checked += length;
        }

        private static int IncompleteTail(ReadOnlySpan<byte> span)
        {
            for (var k = 1; k <= Math.Min(3, span.Length); k++)
            {
                var b = span[^k];
                if ((b & 0xC0) == 0x80)
                {
                    continue;
                }
                var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
                return needed > k ? k : 0;
            }
            return 0;
        }

        public void Dispose()
        {
            _stream.Dispose();
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    /// <summary>
    /// Maps file offsets to 1-based line numbers, as the file is read: a line ends at <c>\r\n</c>, <c>\n</c> or a lone
    /// <c>\r</c>. Only the line starts within the bytes still buffered are kept; earlier ones are counted.
    /// </summary>
    private sealed class LineIndex
    {
        private readonly List<long> _starts = [0];
        private long _forgotten;
        // Line starts as System.Text.Json counts them (after \n only), to translate the positions of its exceptions.
        private readonly List<long> _jsonStarts = [0];
        private long _jsonForgotten;
        private long _lastForgottenJsonStart;
        private long _lastCr = -2;

        /// <summary>Where System.Text.Json's first line starts (after a byte order mark, which it never sees).</summary>
        public long Origin
        {
            get => _origin;
            set => _jsonStarts[0] = _origin = value;
        }

        private long _origin;

        public void Scan(ReadOnlySpan<byte> bytes, long offset)
        {
            var at = 0;
            while (true)
            {
                var next = bytes[at..].IndexOfAny((byte)'\r', (byte)'\n');
                if (next < 0)
                {
                    return;
                }
                at += next;
                var position = offset + at;
                if (bytes[at] == (byte)'\n')
                {
                    _jsonStarts.Add(position + 1);
                    if (_lastCr == position - 1)
                    {
                        _starts[^1] = position + 1; // \r\n is one line break
                    }
                    else
                    {
                        _starts.Add(position + 1);
                    }
                }
                else
                {
                    _starts.Add(position + 1);
                    _lastCr = position;
                }
                at++;
            }
        }

        /// <summary>Drops the line starts before <paramref name="offset"/>, no longer asked for.</summary>
        public void Forget(long offset)
        {
            var count = CountAtOrBefore(_starts, offset - 1);
            // Keep the last start before the offset when it is the one being extended by a \r\n split across pieces.
            count = Math.Min(count, _starts.Count - 1);
            _starts.RemoveRange(0, count);
            _forgotten += count;
            var jsonCount = Math.Min(CountAtOrBefore(_jsonStarts, offset - 1), _jsonStarts.Count - 1);
            if (jsonCount > 0)
            {
                _lastForgottenJsonStart = _jsonStarts[jsonCount - 1];
                _jsonStarts.RemoveRange(0, jsonCount);
                _jsonForgotten += jsonCount;
            }
        }

        public int LineAt(long offset) => (int)(_forgotten + CountAtOrBefore(_starts, offset));

        /// <summary>The file offset of System.Text.Json's (0-based line, byte in line).</summary>
        public long OffsetOfJsonPosition(long line, long byteInLine)
        {
            var index = line - _jsonForgotten;
            var start = index < 0 ? _lastForgottenJsonStart : index < _jsonStarts.Count ? _jsonStarts[(int)index] : _jsonStarts[^1];
            return start + byteInLine;
        }

        private static int CountAtOrBefore(List<long> starts, long offset)
        {
            var index = starts.BinarySearch(offset);
            return index >= 0 ? index + 1 : ~index;
        }
    }
}
