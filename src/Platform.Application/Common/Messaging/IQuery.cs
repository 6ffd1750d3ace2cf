using MediatR;

namespace Platform.Application.Common.Messaging;

/// <summary>A read. Queries pass through logging, authorisation and validation only; they never open a write transaction.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>
{
}
