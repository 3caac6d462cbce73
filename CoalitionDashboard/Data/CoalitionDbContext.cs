using CoalitionDashboard.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace CoalitionDashboard.Data;

public sealed class CoalitionDbContext(DbContextOptions<CoalitionDbContext> options) : DbContext(options)
{
    public DbSet<Source> Sources => Set<Source>();
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Representative> Representatives => Set<Representative>();
    public DbSet<Pledge> Pledges => Set<Pledge>();
    public DbSet<PledgeCategoryLink> PledgeCategories => Set<PledgeCategoryLink>();
    public DbSet<PledgeParty> PledgeParties => Set<PledgeParty>();
    public DbSet<PledgeSupersession> PledgeSupersessions => Set<PledgeSupersession>();
    public DbSet<TimelineEvent> Events => Set<TimelineEvent>();
    public DbSet<Quote> Quotes => Set<Quote>();
    public DbSet<OpenIssue> OpenIssues => Set<OpenIssue>();
    public DbSet<DatasetInfo> Dataset => Set<DatasetInfo>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Vocabulary values are stored by name so the database stays readable with any SQLite browser.
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(40);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Source>(e =>
        {
            e.HasKey(s => s.Id);
            e.HasIndex(s => s.Reliability);
        });

        modelBuilder.Entity<Country>(e =>
        {
            e.HasKey(c => c.Iso3);
            e.Property(c => c.Iso3).HasMaxLength(3);
            e.HasIndex(c => c.Role);
            e.HasMany(c => c.Representatives).WithOne().HasForeignKey(r => r.CountryIso3).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(c => c.Sources).WithMany(s => s.Countries).UsingEntity("CountrySources");
        });

        modelBuilder.Entity<Organisation>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasMany(o => o.Representatives).WithOne().HasForeignKey(r => r.OrganisationId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.Sources).WithMany(s => s.Organisations).UsingEntity("OrganisationSources");
        });

        modelBuilder.Entity<Representative>(e => e.ToTable(t =>
            t.HasCheckConstraint("CK_Representative_Owner", "(CountryIso3 IS NULL) <> (OrganisationId IS NULL)")));

        modelBuilder.Entity<Pledge>(e =>
        {
            e.HasKey(p => p.Id);
            e.HasIndex(p => p.Status);
            e.HasIndex(p => p.MainCategory);
            e.HasIndex(p => p.DateStart);
            e.HasMany(p => p.Categories).WithOne().HasForeignKey(c => c.PledgeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Parties).WithOne().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Supersedes).WithOne().HasForeignKey(x => x.PledgeId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Countries).WithMany(c => c.Pledges).UsingEntity("PledgeCountries");
            e.HasMany(p => p.Organisations).WithMany(o => o.Pledges).UsingEntity("PledgeOrganisations");
            e.HasMany(p => p.Sources).WithMany(s => s.Pledges).UsingEntity("PledgeSources");
        });

        modelBuilder.Entity<PledgeCategoryLink>(e =>
        {
            e.HasKey(c => new { c.PledgeId, c.Category });
            e.HasIndex(c => c.Category);
        });

        modelBuilder.Entity<PledgeParty>(e =>
        {
            e.HasKey(x => new { x.PledgeId, x.Party });
            e.HasIndex(x => x.Party);
        });

        modelBuilder.Entity<PledgeSupersession>(e =>
        {
            e.HasKey(x => new { x.PledgeId, x.SupersededId });
            e.HasOne<Pledge>().WithMany().HasForeignKey(x => x.SupersededId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<TimelineEvent>(e =>
        {
            e.ToTable("Events");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.DateStart);
            e.HasMany(t => t.Countries).WithMany(c => c.Events).UsingEntity("EventCountries");
            e.HasMany(t => t.Organisations).WithMany(o => o.Events).UsingEntity("EventOrganisations");
            e.HasMany(t => t.Sources).WithMany(s => s.Events).UsingEntity("EventSources");
        });

        modelBuilder.Entity<Quote>(e =>
        {
            e.HasKey(q => q.Id);
            e.HasIndex(q => q.Topic);
            e.HasOne(q => q.Country).WithMany().HasForeignKey(q => q.CountryIso3).OnDelete(DeleteBehavior.Restrict);
            e.HasOne(q => q.Organisation).WithMany().HasForeignKey(q => q.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(q => q.Sources).WithMany(s => s.Quotes).UsingEntity("QuoteSources");
        });

        modelBuilder.Entity<OpenIssue>(e =>
        {
            e.HasKey(o => o.Id);
            e.HasMany(o => o.Countries).WithMany(c => c.OpenIssues).UsingEntity("OpenIssueCountries");
            e.HasMany(o => o.Organisations).WithMany(c => c.OpenIssues).UsingEntity("OpenIssueOrganisations");
            e.HasMany(o => o.Pledges).WithMany(p => p.OpenIssues).UsingEntity("OpenIssuePledges");
            e.HasMany(o => o.Sources).WithMany(s => s.OpenIssues).UsingEntity("OpenIssueSources");
        });

        modelBuilder.Entity<DatasetInfo>(e =>
        {
            e.ToTable("Dataset");
            e.HasKey(d => d.Id);
            e.Property(d => d.Id).ValueGeneratedNever();
        });
    }
}
