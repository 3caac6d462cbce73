using System.Buffers;
using System.Text;

namespace CoalitionDashboard.Data.Import;

/// <summary>Checks on the text of the data files and the decks: UTF-8, control characters, line breaks.</summary>
public static class TextChecks
{
    private static readonly SearchValues<char> s_controls = SearchValues.Create(
        Enumerable.Range(0, 0x20).Where(c => c is not ('\t' or '\n' or '\r')).Concat(Enumerable.Range(0x7F, 0x21)).Select(c => (char)c).ToArray());

    private static readonly SearchValues<byte> s_controlBytes = SearchValues.Create([0x7F, 0xC2]);

    /// <summary>The offset of the first byte that is not part of a UTF-8 character (an incomplete one at the end counts), or -1.</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        if (System.Text.Unicode.Utf8.IsValid(bytes))
        {
            return -1;
        }
        var at = 0;
        while (at < bytes.Length && Rune.DecodeFromUtf8(bytes[at..], out _, out var consumed) == OperationStatus.Done)
        {
            at += consumed;
        }
        return Math.Min(at, bytes.Length - 1);
    }

    /// <summary>
    /// The first control character in <paramref name="text"/> (U+0000–U+001F but tab and line breaks, U+007F–U+009F),
    /// or -1: invisible, they break searches, exports and the screen reader's reading.
    /// </summary>
    public static int FirstControl(ReadOnlySpan<char> text)
    {
        var at = text.IndexOfAny(s_controls);
        return at < 0 ? -1 : text[at];
    }

    /// <summary>The same for UTF-8 bytes that hold no C0 control (as an unescaped JSON string): DEL and U+0080–U+009F.</summary>
    public static int FirstControl(ReadOnlySpan<byte> utf8)
    {
        while (true)
        {
            var at = utf8.IndexOfAny(s_controlBytes);
            if (at < 0)
            {
                return -1;
            }
            if (utf8[at] == 0x7F)
            {
                return 0x7F;
            }
            if (at + 1 < utf8.Length && utf8[at + 1] is >= 0x80 and <= 0x9F)
            {
                return utf8[at + 1];
            }
            utf8 = utf8[(at + 1)..];
        }
    }

    /// <summary>"U+0000 (NUL)".</summary>
    public static string DescribeControl(int c) => $"U+{c:X4}" + c switch
    {
        0 => " (NUL)",
        0x1B => " (ESC)",
        0x7F => " (DEL)",
        0x85 => " (NEL)",
        _ => "",
    };

    /// <summary>The 1-based line of <paramref name="offset"/>: a line ends at <c>\r\n</c>, <c>\n</c> or a lone <c>\r</c>.</summary>
    public static int LineAt(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        var span = bytes[..offset];
        for (var i = 0; i < span.Length; i++)
        {
            if (span[i] == (byte)'\n' || span[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'))
            {
                line++;
            }
        }
        return line;
    }

    /// <summary>Splits text into lines at <c>\r\n</c>, <c>\n</c> and a lone <c>\r</c>.</summary>
    public static string[] SplitLines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
