using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CoalitionDashboard.Data.Migrations
{
    /// <inheritdoc />
    public partial class EventLabel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Label",
                table: "Events",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Label",
                table: "Events");
        }
    }
}
