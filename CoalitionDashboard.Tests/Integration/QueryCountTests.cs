using System.Diagnostics;
using CoalitionDashboard.Tests.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace CoalitionDashboard.Tests.Integration;

/// <summary>
/// Counts the SQL commands each page costs: every EF Core command against this app's own database file
/// (other tests may run at the same time on other databases).
/// </summary>
[Trait("Category", "Integration")]
public sealed class QueryCountTests(QueryCountTests.App factory) : IClassFixture<QueryCountTests.App>
{
    /// <summary>The page cache off: a repeated request must reach the pages and the query cache, which is what this measures.</summary>
    public sealed class App() : ConfiguredAppFactory(kestrel: false, new Dictionary<string, string?> { [CoalitionDashboard.Infrastructure.PageOutputCache.EnabledKey] = "false" });

    [Theory]
    [InlineData("/")]
    [InlineData("/map")]
    [InlineData("/countries")]
    [InlineData("/countries/FRA")]
    [InlineData("/pledges")]
    [InlineData("/pledges?country=FRA,DEU&category=ground-forces")]
    [InlineData("/timeline")]
    [InlineData("/sources")]
    [InlineData("/organisations/EU")]
    [InlineData("/quotes")]
    [InlineData("/quotes?country=FRA&topic=troops")]
    [InlineData("/open-issues")]
    public async Task Page_CostsABoundedNumberOfQueries_AndNoneWhenRepeated(string path)
    {
        // Arrange
        var client = factory.CreateClient();
        await client.GetAsync("/healthz", TestContext.Current.CancellationToken);
        // Every page shares the reference data (countries, organisations, sources), loaded once per data generation by
        // whichever page comes first; load it here so each page is measured alone, whatever order the cases run in.
        await factory.Services.GetRequiredService<CoalitionDashboard.ReadModel.Filtering.ReferenceData>().GetAsync();

        // Act
        var first = await CountCommandsAsync(factory.DatabasePath, () => client.GetStringAsync(path, TestContext.Current.CancellationToken));
        var repeat = await CountCommandsAsync(factory.DatabasePath, () => client.GetStringAsync(path, TestContext.Current.CancellationToken));

        // Assert: a fixed number of queries, whatever the number of rows (no query per row), and shared results after that
        Assert.InRange(first, 0, 25);
        Assert.True(repeat == 0, $"{path}: {repeat} queries when the same view is rendered again (the page cache is off, so each comes from the query cache or not at all)");
    }

    private static async Task<int> CountCommandsAsync(string databasePath, Func<Task> request)
    {
        using var counter = new CommandCounter(databasePath);
        using (DiagnosticListener.AllListeners.Subscribe(counter))
        {
            await request();
        }
        return counter.Count;
    }

    private sealed class CommandCounter(string databasePath) : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        public void Dispose()
        {
            lock (_subscriptions)
            {
                _subscriptions.ForEach(s => s.Dispose());
                _subscriptions.Clear();
            }
        }

        private int _count;
        private readonly List<IDisposable> _subscriptions = [];

        public int Count => Volatile.Read(ref _count);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == "Microsoft.EntityFrameworkCore")
            {
                lock (_subscriptions)
                {
                    _subscriptions.Add(listener.Subscribe(this));
                }
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == "Microsoft.EntityFrameworkCore.Database.Command.CommandExecuted"
                && value.Value is Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData data
                && data.Command.Connection?.DataSource == databasePath)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }
}
