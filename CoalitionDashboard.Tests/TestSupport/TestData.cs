using System.Text.RegularExpressions;

namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// A private copy of the real <c>data/</c> folder in a temporary directory, which a test may break on purpose.
/// </summary>
public sealed class TestData : IDisposable
{
    private TestData(string directory) => Directory = directory;

    public string Directory { get; }

    /// <summary>The repository's data folder (copied next to the app's assembly by the build).</summary>
    public static string RealDataDirectory
    {
        get
        {
            var path = Path.Combine(AppContext.BaseDirectory, "data");
            Assert.True(File.Exists(Path.Combine(path, "dataset.json")), $"the real data set was not copied to {path}");
            return path;
        }
    }

    public static TestData CopyOfRealData()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("coalition-data-").FullName;
        foreach (var file in System.IO.Directory.GetFiles(RealDataDirectory, "*.json"))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }
        var briefings = Path.Combine(RealDataDirectory, "briefings");
        if (System.IO.Directory.Exists(briefings))
        {
            System.IO.Directory.CreateDirectory(Path.Combine(directory, "briefings"));
            foreach (var file in System.IO.Directory.GetFiles(briefings))
            {
                File.Copy(file, Path.Combine(directory, "briefings", Path.GetFileName(file)));
            }
        }
        return new TestData(directory);
    }

    public string PathOf(string file) => Path.Combine(Directory, file);

    public string Read(string file) => File.ReadAllText(PathOf(file));

    /// <summary>Replaces the first match of <paramref name="pattern"/> and returns the 1-based line where the replacement starts.</summary>
    public int ReplaceFirst(string file, string pattern, string replacement)
    {
        var text = Read(file);
        var match = Regex.Match(text, pattern);
        Assert.True(match.Success, $"pattern {pattern} not found in {file}");
        File.WriteAllText(PathOf(file), string.Concat(text.AsSpan(0, match.Index), replacement, text.AsSpan(match.Index + match.Length)));
        return LineAt(text, match.Index);
    }

    public static int LineAt(string text, int index) => text.AsSpan(0, index).Count('\n') + 1;

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}
