namespace CoalitionDashboard.Tests.TestSupport;

/// <summary>
/// One database with the real data set imported, shared by the tests of a class that only read it
/// (<c>IClassFixture&lt;ImportedDatabase&gt;</c>): the import runs once instead of once per test.
/// </summary>
public sealed class ImportedDatabase : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await Database.Importer.ImportAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await Database.DisposeAsync();
}
