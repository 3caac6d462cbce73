using System.Buffers.Binary;
using System.IO.Compression;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// Just enough of PNG to read the pixels of an 8-bit RGBA or RGB image (what browsers' canvases save), so a test
/// can ask whether a saved chart is opaque.
/// </summary>
public sealed record PngImage(int Width, int Height, bool HasAlpha, byte[] Pixels)
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    public int BytesPerPixel => HasAlpha ? 4 : 3;

    /// <summary>The alpha of the pixel at (x, y): 255 for an image without an alpha channel.</summary>
    public byte AlphaAt(int x, int y) => HasAlpha ? Pixels[(y * Width + x) * 4 + 3] : (byte)255;

    public static PngImage Decode(byte[] file)
    {
        if (file.Length < 8 || !file.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw new InvalidDataException("not a PNG file");
        }
        int width = 0, height = 0, colourType = 0;
        using var compressed = new MemoryStream();
        for (var at = 8; at + 8 <= file.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(file.AsSpan(at));
            var type = System.Text.Encoding.ASCII.GetString(file, at + 4, 4);
            var data = file.AsSpan(at + 8, length);
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    if (data[8] != 8 || data[12] != 0 || (data[9] != 6 && data[9] != 2))
                    {
                        throw new InvalidDataException($"only 8-bit, non-interlaced RGB(A) is read here (depth {data[8]}, colour type {data[9]})");
                    }
                    colourType = data[9];
                    break;
                case "IDAT":
                    compressed.Write(data);
                    break;
            }
            at += 12 + length;
        }
        var hasAlpha = colourType == 6;
        var bpp = hasAlpha ? 4 : 3;
        compressed.Position = 0;
        using var inflater = new ZLibStream(compressed, CompressionMode.Decompress);
        using var raw = new MemoryStream();
        inflater.CopyTo(raw);
        var bytes = raw.ToArray();
        var stride = width * bpp;
        var pixels = new byte[height * stride];
        for (var y = 0; y < height; y++)
        {
            var filter = bytes[y * (stride + 1)];
            var line = bytes.AsSpan(y * (stride + 1) + 1, stride);
            var row = pixels.AsSpan(y * stride, stride);
            var previous = y == 0 ? new byte[stride] : pixels.AsSpan((y - 1) * stride, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                row[i] = (byte)(line[i] + filter switch
                {
                    0 => 0,
                    1 => a,
                    2 => b,
                    3 => (a + b) / 2,
                    4 => Paeth(a, b, c),
                    _ => throw new InvalidDataException($"unknown PNG filter {filter}"),
                });
            }
        }
        return new PngImage(width, height, hasAlpha, pixels);
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
