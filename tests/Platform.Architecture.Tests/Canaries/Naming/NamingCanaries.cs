using FluentValidation;
using MediatR;
using Platform.Application.Common.Messaging;
using Quartz;

namespace Platform.Architecture.Tests.Canaries.Naming;

// Rule 4 canaries: each "Bad" type breaks exactly one naming rule; the others are named well.
internal sealed record CreateThingCommand(int Value) : ICommand<int>;

internal sealed record CreateThingOrder(int Value) : ICommand<int>;

internal sealed record GetThingQuery(int Value) : IQuery<int>;

internal sealed record ListThingsQuery(int Value) : IQuery<int>;

internal sealed record FetchThingQuery(int Value) : IQuery<int>;

internal sealed record GetThingLookup(int Value) : IQuery<int>;

internal sealed class CreateThingCommandHandler : IRequestHandler<CreateThingCommand, int>
{
    public Task<int> Handle(CreateThingCommand request, CancellationToken cancellationToken) => Task.FromResult(request.Value);
}

internal sealed class ThingProcessor : IRequestHandler<CreateThingOrder, int>
{
    public Task<int> Handle(CreateThingOrder request, CancellationToken cancellationToken) => Task.FromResult(request.Value);
}

internal sealed class CreateThingCommandValidator : AbstractValidator<CreateThingCommand>
{
    public CreateThingCommandValidator() => RuleFor(r => r.Value).GreaterThan(0);
}

internal sealed class ThingRules : AbstractValidator<CreateThingOrder>
{
    public ThingRules() => RuleFor(r => r.Value).GreaterThan(0);
}

internal sealed record ThingRecordDto(int Value);

internal sealed class ThingClassDto
{
    public int Value { get; init; }
}

internal sealed class CleanupThingsJob : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}

internal sealed class CleanupWorker : IJob
{
    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) => ValueTask.CompletedTask;
}
