namespace CoalitionDashboard.Data;

/// <summary>
/// Which data set the app serves: a number that moves on whenever the database starts holding other data (an import by
/// this process, or one by another process that the store check notices), and the stamp of that data (the content
/// hash and import time of its <see cref="Entities.DatasetInfo"/> row). Every cache keys on <see cref="Number"/>, so
/// publishing a new generation is all it takes to make pages, facts and exports read the new data.
/// </summary>
public sealed class DataGeneration
{
    private readonly Lock _gate = new();
    private long _number;
    private string? _stamp;

    public long Number => Interlocked.Read(ref _number);

    /// <summary>The stamp of the data this generation serves (null before any data set was seen).</summary>
    public string? Stamp
    {
        get
        {
            lock (_gate)
            {
                return _stamp;
            }
        }
    }

    /// <summary>Starts a new generation for the data with <paramref name="stamp"/>, unless that is the one served already.</summary>
    /// <returns>Whether a new generation started.</returns>
    public bool Publish(string? stamp)
    {
        lock (_gate)
        {
            if (_number > 0 && string.Equals(stamp, _stamp, StringComparison.Ordinal))
            {
                return false;
            }
            _stamp = stamp;
            Interlocked.Increment(ref _number);
            return true;
        }
    }

    /// <summary>Starts a new generation of the same data (the benchmarks' "as after an import").</summary>
    public void Advance()
    {
        lock (_gate)
        {
            Interlocked.Increment(ref _number);
        }
    }

    /// <summary>The stamp of a <see cref="Entities.DatasetInfo"/> row: its content hash and the moment it was imported.</summary>
    public static string StampOf(string contentHash, DateTime importedAtUtc) =>
        string.Concat(contentHash, "@", importedAtUtc.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
