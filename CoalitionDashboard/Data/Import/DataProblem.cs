namespace CoalitionDashboard.Data.Import;

/// <summary>One thing wrong with the curated data, located by file and line (1-based; 0 when the file itself is the problem).</summary>
public sealed record DataProblem(string FilePath, int Line, string Message)
{
    /// <summary>The <c>file:line: message</c> form used by the <c>validate</c> verb and the logs.</summary>
    public string Format(string? relativeTo = null)
    {
        var file = FilePath;
        if (relativeTo is not null)
        {
            var relative = Path.GetRelativePath(relativeTo, FilePath);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                file = relative;
            }
        }
        return $"{file}:{Line}: {Message}";
    }

    public override string ToString() => Format();
}

/// <summary>Collects problems for one data set; shared by every stage of parsing and validation.</summary>
public sealed class ProblemList
{
    private readonly List<DataProblem> _problems = [];

    public IReadOnlyList<DataProblem> Items => _problems;

    public bool Any => _problems.Count > 0;

    public void Add(string file, int line, string message) => _problems.Add(new DataProblem(file, line, message));
}
