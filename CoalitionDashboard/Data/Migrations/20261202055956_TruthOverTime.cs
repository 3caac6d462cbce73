using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class TruthOverTime : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "RosterCount",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "RosterNamed",
                table: "Events",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RosterNote",
                table: "Events",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Events",
                type: "TEXT",
                maxLength: 40,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Coverage",
                table: "Dataset",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "ReviewedOn",
                table: "Dataset",
                type: "TEXT",
                nullable: false,
                defaultValue: new DateOnly(1, 1, 1));

            migrationBuilder.CreateTable(
                name: "PledgeParties",
                columns: table => new
                {
                    PledgeId = table.Column<string>(type: "TEXT", nullable: false),
                    Party = table.Column<string>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeParties", x => new { x.PledgeId, x.Party });
                    table.ForeignKey(
                        name: "FK_PledgeParties_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PledgeSupersessions",
                columns: table => new
                {
                    PledgeId = table.Column<string>(type: "TEXT", nullable: false),
                    SupersededId = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PledgeSupersessions", x => new { x.PledgeId, x.SupersededId });
                    table.ForeignKey(
                        name: "FK_PledgeSupersessions_Pledges_PledgeId",
                        column: x => x.PledgeId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PledgeSupersessions_Pledges_SupersededId",
                        column: x => x.SupersededId,
                        principalTable: "Pledges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PledgeParties_Party",
                table: "PledgeParties",
                column: "Party");

            migrationBuilder.CreateIndex(
                name: "IX_PledgeSupersessions_SupersededId",
                table: "PledgeSupersessions",
                column: "SupersededId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PledgeParties");

            migrationBuilder.DropTable(
                name: "PledgeSupersessions");

            migrationBuilder.DropColumn(
                name: "RosterCount",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "RosterNamed",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "RosterNote",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Events");

            migrationBuilder.DropColumn(
                name: "Coverage",
                table: "Dataset");

            migrationBuilder.DropColumn(
                name: "ReviewedOn",
                table: "Dataset");
        }
    }
}
