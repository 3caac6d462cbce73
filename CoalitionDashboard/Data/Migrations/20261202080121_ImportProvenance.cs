using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class ImportProvenance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ImportedBy",
                table: "Dataset",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceDirectory",
                table: "Dataset",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ImportedBy",
                table: "Dataset");

            migrationBuilder.DropColumn(
                name: "SourceDirectory",
                table: "Dataset");
        }
    }
}
