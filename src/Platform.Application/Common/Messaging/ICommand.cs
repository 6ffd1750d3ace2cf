using MediatR;

namespace Platform.Application.Common.Messaging;

/// <summary>A request that changes state. Every command runs in one database transaction and needs a validator.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>, ICommandBase
{
}
