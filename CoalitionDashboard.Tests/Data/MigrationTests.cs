using CoalitionDashboard.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Tests.Data;

public sealed class MigrationTests
{
    [Fact]
    public async Task Model_HasNoChangesMissingFromTheCommittedMigrations()
    {
        // Arrange
        await using var database = await TestDatabase.CreateAsync(TestData.RealDataDirectory);
        await using var db = await database.OpenAsync();

        // Act
        var pending = db.Database.HasPendingModelChanges();
        var applied = await db.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken);

        // Assert
        Assert.False(pending, "the model changed: add a migration (dotnet ef migrations add <Name> --project CoalitionDashboard --output-dir Data/Migrations)");
        Assert.NotEmpty(applied);
    }
}
