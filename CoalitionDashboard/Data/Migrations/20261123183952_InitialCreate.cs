using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class InitialCreate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Countries",
                columns: table => new
                {
                    Iso3 = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    IsEu = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsNato = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsG7 = table.Column<bool>(type: "INTEGER", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Attendance = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    AttendanceNote = table.Column<string>(type: "TEXT", nullable: true),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    Contested = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Countries", x => x.Iso3);
                });

            migrationBuilder.CreateTable(
                name: "Dataset",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    AsOf = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SummitDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    ContentHash = table.Column<string>(type: "TEXT", nullable: false),
                    ImportedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Dataset", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Events",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Summary = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DateEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateText = table.Column<string>(type: "TEXT", nullable: false),
                    PartiesNote = table.Column<string>(type: "TEXT", nullable: true),
                    Contested = table.Column<string>(type: "TEXT", nullable: true),
                    IncludesCoalition = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Events", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIssues",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIssues", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Organisations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Organisations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Pledges",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Condition = table.Column<string>(type: "TEXT", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    StatusNote = table.Column<string>(type: "TEXT", nullable: true),
                    Troops = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    MainCategory = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    QuantityText = table.Column<string>(type: "TEXT", nullable: true),
                    QuantityValue = table.Column<double>(type: "REAL", nullable: true),
                    QuantityUnit = table.Column<string>(type: "TEXT", nullable: true),
                    DateStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DateEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DatePrecision = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    DateText = table.Column<string>(type: "TEXT", nullable: false),
                    DateNote = table.Column<string>(type: "TEXT", nullable: true),
                    Speaker = table.Column<string>(type: "TEXT", nullable: true),
                    Contested = table.Column<string>(type: "TEXT", nullable: true),
                    IsCoalitionWide = table.Column<bool>(type: "INTEGER", nullable: false),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Pledges", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Sources",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Outlet = table.Column<string>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateText = table.Column<string>(type: "TEXT", nullable: true),
                    Url = table.Column<string>(type: "TEXT", nullable: true),
                    SeedFile = table.Column<string>(type: "TEXT", nullable: true),
                    Reliability = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Language = table.Column<string>(type: "TEXT", nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Sources", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "EventCountries",
                columns: table => new
                {
                    CountriesIso3 = table.Column<string>(type: "TEXT", nullable: false),
                    EventsId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventCountries", x => new { x.CountriesIso3, x.EventsId });
                    table.ForeignKey(
                        name: "FK_EventCountries_Countries_CountriesIso3",
                        column: x => x.CountriesIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventCountries_Events_EventsId",
                        column: x => x.EventsId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIssueCountries",
                columns: table => new
                {
                    CountriesIso3 = table.Column<string>(type: "TEXT", nullable: false),
                    OpenIssuesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIssueCountries", x => new { x.CountriesIso3, x.OpenIssuesId });
                    table.ForeignKey(
                        name: "FK_OpenIssueCountries_Countries_CountriesIso3",
                        column: x => x.CountriesIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenIssueCountries_OpenIssues_OpenIssuesId",
                        column: x => x.OpenIssuesId,
                        principalTable: "OpenIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventOrganisations",
                columns: table => new
                {
                    EventsId = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationsId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventOrganisations", x => new { x.EventsId, x.OrganisationsId });
                    table.ForeignKey(
                        name: "FK_EventOrganisations_Events_EventsId",
                        column: x => x.EventsId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventOrganisations_Organisations_OrganisationsId",
                        column: x => x.OrganisationsId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIssueOrganisations",
                columns: table => new
                {
                    OpenIssuesId = table.Column<string>(type: "TEXT", nullable: false),
                    OrganisationsId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIssueOrganisations", x => new { x.OpenIssuesId, x.OrganisationsId });
                    table.ForeignKey(
                        name: "FK_OpenIssueOrganisations_OpenIssues_OpenIssuesId",
                        column: x => x.OpenIssuesId,
                        principalTable: "OpenIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenIssueOrganisations_Organisations_OrganisationsId",
                        column: x => x.OrganisationsId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Quotes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", nullable: false),
                    Speaker = table.Column<string>(type: "TEXT", nullable: false),
                    Office = table.Column<string>(type: "TEXT", nullable: true),
                    CountryIso3 = table.Column<string>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: true),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    DateText = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: false),
                    Original = table.Column<string>(type: "TEXT", nullable: true),
                    Translated = table.Column<bool>(type: "INTEGER", nullable: false),
                    Direct = table.Column<bool>(type: "INTEGER", nullable: false),
                    Context = table.Column<string>(type: "TEXT", nullable: true),
                    Topic = table.Column<string>(type: "TEXT", nullable: false),
                    Attribution = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Quotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Quotes_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Quotes_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Representatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CountryIso3 = table.Column<string>(type: "TEXT", nullable: true),
                    OrganisationId = table.Column<string>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: true),
                    NameConfirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    Office = table.Column<string>(type: "TEXT", nullable: true),
                    Level = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Format = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Note = table.Column<string>(type: "TEXT", nullable: true),
                    SortOrder = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Representatives", x => x.Id);
                    table.CheckConstraint("CK_Representative_Owner", "(CountryIso3 IS NULL) <> (OrganisationId IS NULL)");
                    table.ForeignKey(
                        name: "FK_Representatives_Countries_CountryIso3",
                        column: x => x.CountryIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Representatives_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIssuePledges",
                columns: table => new
                {
                    OpenIssuesId = table.Column<string>(type: "TEXT", nullable: false),
                    PledgesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIssuePledges", x => new { x.OpenIssuesId, x.PledgesId });
                    table.ForeignKey(
                        name: "FK_OpenIssuePledges_OpenIssues_OpenIssuesId",
                        column: x => x.OpenIssuesId,
                        principalTable: "OpenIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenIssuePledges_Pledges_PledgesId",
                        column: x => x.PledgesId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeCategories",
                columns: table => new
                {
                    PledgeId = table.Column<string>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeCategories", x => new { x.PledgeId, x.Category });
                    table.ForeignKey(
                        name: "FK_PledgeCategories_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeCountries",
                columns: table => new
                {
                    CountriesIso3 = table.Column<string>(type: "TEXT", nullable: false),
                    PledgesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeCountries", x => new { x.CountriesIso3, x.PledgesId });
                    table.ForeignKey(
                        name: "FK_PledgeCountries_Countries_CountriesIso3",
                        column: x => x.CountriesIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PledgeCountries_Pledges_PledgesId",
                        column: x => x.PledgesId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeOrganisations",
                columns: table => new
                {
                    OrganisationsId = table.Column<string>(type: "TEXT", nullable: false),
                    PledgesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeOrganisations", x => new { x.OrganisationsId, x.PledgesId });
                    table.ForeignKey(
                        name: "FK_PledgeOrganisations_Organisations_OrganisationsId",
                        column: x => x.OrganisationsId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PledgeOrganisations_Pledges_PledgesId",
                        column: x => x.PledgesId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CountrySources",
                columns: table => new
                {
                    CountriesIso3 = table.Column<string>(type: "TEXT", nullable: false),
                    SourcesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountrySources", x => new { x.CountriesIso3, x.SourcesId });
                    table.ForeignKey(
                        name: "FK_CountrySources_Countries_CountriesIso3",
                        column: x => x.CountriesIso3,
                        principalTable: "Countries",
                        principalColumn: "Iso3",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CountrySources_Sources_SourcesId",
                        column: x => x.SourcesId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EventSources",
                columns: table => new
                {
                    EventsId = table.Column<string>(type: "TEXT", nullable: false),
                    SourcesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EventSources", x => new { x.EventsId, x.SourcesId });
                    table.ForeignKey(
                        name: "FK_EventSources_Events_EventsId",
                        column: x => x.EventsId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EventSources_Sources_SourcesId",
                        column: x => x.SourcesId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIssueSources",
                columns: table => new
                {
                    OpenIssuesId = table.Column<string>(type: "TEXT", nullable: false),
                    SourcesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIssueSources", x => new { x.OpenIssuesId, x.SourcesId });
                    table.ForeignKey(
                        name: "FK_OpenIssueSources_OpenIssues_OpenIssuesId",
                        column: x => x.OpenIssuesId,
                        principalTable: "OpenIssues",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OpenIssueSources_Sources_SourcesId",
                        column: x => x.SourcesId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrganisationSources",
                columns: table => new
                {
                    OrganisationsId = table.Column<string>(type: "TEXT", nullable: false),
                    SourcesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrganisationSources", x => new { x.OrganisationsId, x.SourcesId });
                    table.ForeignKey(
                        name: "FK_OrganisationSources_Organisations_OrganisationsId",
                        column: x => x.OrganisationsId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_OrganisationSources_Sources_SourcesId",
                        column: x => x.SourcesId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeSources",
                columns: table => new
                {
                    PledgesId = table.Column<string>(type: "TEXT", nullable: false),
                    SourcesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeSources", x => new { x.PledgesId, x.SourcesId });
                    table.ForeignKey(
                        name: "FK_PledgeSources_Pledges_PledgesId",
                        column: x => x.PledgesId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PledgeSources_Sources_SourcesId",
                        column: x => x.SourcesId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "QuoteSources",
                columns: table => new
                {
                    QuotesId = table.Column<string>(type: "TEXT", nullable: false),
                    SourcesId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_QuoteSources", x => new { x.QuotesId, x.SourcesId });
                    table.ForeignKey(
                        name: "FK_QuoteSources_Quotes_QuotesId",
                        column: x => x.QuotesId,
                        principalTable: "Quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_QuoteSources_Sources_SourcesId",
                        column: x => x.SourcesId,
                        principalTable: "Sources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Countries_Role",
                table: "Countries",
                column: "Role");

            migrationBuilder.CreateIndex(
                name: "IX_CountrySources_SourcesId",
                table: "CountrySources",
                column: "SourcesId");

            migrationBuilder.CreateIndex(
                name: "IX_EventCountries_EventsId",
                table: "EventCountries",
                column: "EventsId");

            migrationBuilder.CreateIndex(
                name: "IX_EventOrganisations_OrganisationsId",
                table: "EventOrganisations",
                column: "OrganisationsId");

            migrationBuilder.CreateIndex(
                name: "IX_Events_DateStart",
                table: "Events",
                column: "DateStart");

            migrationBuilder.CreateIndex(
                name: "IX_EventSources_SourcesId",
                table: "EventSources",
                column: "SourcesId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIssueCountries_OpenIssuesId",
                table: "OpenIssueCountries",
                column: "OpenIssuesId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIssueOrganisations_OrganisationsId",
                table: "OpenIssueOrganisations",
                column: "OrganisationsId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIssuePledges_PledgesId",
                table: "OpenIssuePledges",
                column: "PledgesId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIssueSources_SourcesId",
                table: "OpenIssueSources",
                column: "SourcesId");

            migrationBuilder.CreateIndex(
                name: "IX_OrganisationSources_SourcesId",
                table: "OrganisationSources",
                column: "SourcesId");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeCategories_Category",
                table: "PledgeCategories",
                column: "Category");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeCountries_PledgesId",
                table: "PledgeCountries",
                column: "PledgesId");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeOrganisations_PledgesId",
                table: "PledgeOrganisations",
                column: "PledgesId");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_DateStart",
                table: "Pledges",
                column: "DateStart");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_MainCategory",
                table: "Pledges",
                column: "MainCategory");

            migrationBuilder.CreateIndex(
                name: "IX_Pledges_Status",
                table: "Pledges",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeSources_SourcesId",
                table: "PledgeSources",
                column: "SourcesId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_CountryIso3",
                table: "Quotes",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_OrganisationId",
                table: "Quotes",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Quotes_Topic",
                table: "Quotes",
                column: "Topic");

            migrationBuilder.CreateIndex(
                name: "IX_QuoteSources_SourcesId",
                table: "QuoteSources",
                column: "SourcesId");

            migrationBuilder.CreateIndex(
                name: "IX_Representatives_CountryIso3",
                table: "Representatives",
                column: "CountryIso3");

            migrationBuilder.CreateIndex(
                name: "IX_Representatives_OrganisationId",
                table: "Representatives",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Sources_Reliability",
                table: "Sources",
                column: "Reliability");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountrySources");

            migrationBuilder.DropTable(
                name: "Dataset");

            migrationBuilder.DropTable(
                name: "EventCountries");

            migrationBuilder.DropTable(
                name: "EventOrganisations");

            migrationBuilder.DropTable(
                name: "EventSources");

            migrationBuilder.DropTable(
                name: "OpenIssueCountries");

            migrationBuilder.DropTable(
                name: "OpenIssueOrganisations");

            migrationBuilder.DropTable(
                name: "OpenIssuePledges");

            migrationBuilder.DropTable(
                name: "OpenIssueSources");

            migrationBuilder.DropTable(
                name: "OrganisationSources");

            migrationBuilder.DropTable(
                name: "PledgeCategories");

            migrationBuilder.DropTable(
                name: "PledgeCountries");

            migrationBuilder.DropTable(
                name: "PledgeOrganisations");

            migrationBuilder.DropTable(
                name: "PledgeSources");

            migrationBuilder.DropTable(
                name: "QuoteSources");

            migrationBuilder.DropTable(
                name: "Representatives");

            migrationBuilder.DropTable(
                name: "Events");

            migrationBuilder.DropTable(
                name: "OpenIssues");

            migrationBuilder.DropTable(
                name: "Pledges");

            migrationBuilder.DropTable(
                name: "Quotes");

            migrationBuilder.DropTable(
                name: "Sources");

            migrationBuilder.DropTable(
                name: "Countries");

            migrationBuilder.DropTable(
                name: "Organisations");
        }
    }
}
