using FluentValidation;
using MediatR;

namespace Platform.Architecture.Tests.Canaries.Handlers;

// Rule 2 and 3 canaries. Good: one internal sealed handler and a validator.
internal sealed record HandledCanaryRequest(int Value) : IRequest<int>;

internal sealed class HandledCanaryRequestHandler : IRequestHandler<HandledCanaryRequest, int>
{
    public Task<int> Handle(HandledCanaryRequest request, CancellationToken cancellationToken) => Task.FromResult(request.Value);
}

internal sealed class HandledCanaryRequestValidator : AbstractValidator<HandledCanaryRequest>
{
    public HandledCanaryRequestValidator() => RuleFor(r => r.Value).GreaterThan(0);
}

// Bad: no handler, no validator.
internal sealed record UnhandledCanaryRequest(int Value) : IRequest<int>;

// Bad: two handlers (a validator is present, so only the handler count is wrong).
internal sealed record TwiceHandledCanaryRequest(int Value) : IRequest<int>;

internal sealed class TwiceHandledCanaryRequestHandler : IRequestHandler<TwiceHandledCanaryRequest, int>
{
    public Task<int> Handle(TwiceHandledCanaryRequest request, CancellationToken cancellationToken) => Task.FromResult(request.Value);
}

internal sealed class TwiceHandledCanaryRequestOtherHandler : IRequestHandler<TwiceHandledCanaryRequest, int>
{
    public Task<int> Handle(TwiceHandledCanaryRequest request, CancellationToken cancellationToken) => Task.FromResult(-request.Value);
}

internal sealed class TwiceHandledCanaryRequestValidator : AbstractValidator<TwiceHandledCanaryRequest>
{
    public TwiceHandledCanaryRequestValidator() => RuleFor(r => r.Value).GreaterThan(0);
}

// Bad: a handler but no validator.
internal sealed record UnvalidatedCanaryRequest(int Value) : IRequest<int>;

internal sealed class UnvalidatedCanaryRequestHandler : IRequestHandler<UnvalidatedCanaryRequest, int>
{
    public Task<int> Handle(UnvalidatedCanaryRequest request, CancellationToken cancellationToken) => Task.FromResult(request.Value);
}

// Rule 3, bad: a public, unsealed handler and validator.
public sealed record VisibleCanaryRequest(int Value) : IRequest<int>;

public class PublicUnsealedCanaryHandler : IRequestHandler<VisibleCanaryRequest, int>
{
    public Task<int> Handle(VisibleCanaryRequest request, CancellationToken cancellationToken) => Task.FromResult(request.Value);
}

public class PublicUnsealedCanaryValidator : AbstractValidator<VisibleCanaryRequest>
{
    public PublicUnsealedCanaryValidator() => RuleFor(r => r.Value).GreaterThan(0);
}
