using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using PipelineBench;

// The in-process cost of the request pipeline, measured against the bare handler in the same run
// (build/bench-pipeline.sh). In process: BenchmarkDotNet would otherwise generate and build a project under this
// repository, where warnings are errors and package versions are central.
//
// A fixed number of calls per iteration, because the benchmarks empty the in-memory store after each iteration and
// BenchmarkDotNet would otherwise make that one call per iteration. 16,384 calls make an iteration of a command
// about a second on a loaded 2-core machine; the bare handler's iteration is then short (a few milliseconds), which
// BenchmarkDotNet points out, but its mean is still tight. The warm-up count is left to BenchmarkDotNet: under load
// the JIT needs seconds to move EF Core's and the pipeline's code to its optimised tier, and a measurement taken
// before that is of the JIT.
var job = Job.Default
    .WithToolchain(InProcessEmitToolchain.Instance)
    .WithLaunchCount(1)
    .WithInvocationCount(16_384)
    .WithUnrollFactor(16)
    .WithIterationCount(15);
var config = DefaultConfig.Instance.AddJob(job.AsDefault());

// Every case unless the arguments filter them (--filter), so the run needs no answer on the console.
var summary = BenchmarkRunner.Run<PipelineBenchmarks>(config, args);
return !summary.HasCriticalValidationErrors && summary.Reports.Length > 0 && summary.Reports.All(r => r.Success) ? 0 : 1;
