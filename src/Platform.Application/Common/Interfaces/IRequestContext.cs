namespace Platform.Application.Common.Interfaces;

/// <summary>Correlation ids of the current request, for audit rows.</summary>
public interface IRequestContext
{
    string? RequestId { get; }

    string? TraceId { get; }
}
