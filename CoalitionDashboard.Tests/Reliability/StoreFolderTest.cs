using Microsoft.Data.Sqlite;

namespace CoalitionDashboard.Tests.Reliability;

/// <summary>
/// A test that puts the app's database in a folder of its own, deleted afterwards: the store fault and kill tests
/// damage, lock, kill and replace what is in it.
/// </summary>
public abstract class StoreFolderTest(string prefix) : IDisposable
{
    /// <summary>Guards the tests against the hang they are about (a start waiting for ever), not a speed assertion.</summary>
    protected static readonly TimeSpan HangGuard = TimeSpan.FromSeconds(90);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected string Folder { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

    protected string Database => Path.Combine(Folder, "coalition.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
