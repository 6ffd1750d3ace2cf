using Platform.Application.Common.Interfaces;
using Platform.Domain.Identity;

namespace PipelineBench.Adapters;

/// <summary>
/// One signed-in agent inside an HTTP request: with a request id the logging behaviour writes its line at Debug, as
/// it does behind the API (the request line is the Information one), so no log line is written here either.
/// </summary>
internal sealed class BenchCaller : ICurrentUser, IRequestContext
{
    public Guid? UserId { get; } = new Guid("0193a6f2-3c4e-7d5a-9b1c-2e3f4a5b6c7e");

    public IReadOnlyCollection<string> Roles { get; } = [Role.Agent];

    public string? ClientIp => "127.0.0.1";

    public string? RequestId => "0HNBENCH00001";

    public string? TraceId => "4bf92f3577b34da6a3ce929d0e0e4736";
}
