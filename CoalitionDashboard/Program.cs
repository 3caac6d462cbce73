using CoalitionDashboard.Infrastructure;

if (DataCommands.IsVerb(args))
{
    return await DataCommands.RunAsync(args, Console.Out, Console.Error);
}

var builder = WebApplication.CreateBuilder(args);
builder.AddCoalitionDashboard(args);

var app = builder.Build();
app.MapCoalitionDashboard();
await app.RunAsync();
return 0;
