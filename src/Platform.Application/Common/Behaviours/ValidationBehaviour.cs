using FluentValidation;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Behaviours;

/// <summary>
/// Runs every validator of the request and reports all failures together as one 400 <c>validation.failed</c>.
/// Validators take no dependencies and are singletons (docs/development.md), so this behaviour is one too, and it
/// sorts them once: a request whose validators have no rules (a query without parameters) goes straight on, without
/// a validation context, a result or a state machine per request.
/// </summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    private readonly IValidator<TRequest>[] withRules = [.. validators.Where(v => v is not IEnumerable<IValidationRule> rules || rules.Any())];

    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        return withRules.Length == 0 && request is not IIdempotentCommand { IdempotencyKey: not null }
            ? next()
            : ValidateAsync(request, next, cancellationToken);
    }

    private async Task<TResponse> ValidateAsync(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        // Allocated on the first failure only: a valid request (nearly all of them) costs one context per validator run.
        Dictionary<string, List<string>>? errors = null;
        if (request is IIdempotentCommand { IdempotencyKey: { } key } && !IdempotencyKeyRules.IsValid(key))
        {
            errors = new(StringComparer.Ordinal)
            {
                ["idempotency_key"] = [$"The Idempotency-Key header must be 1 to {IdempotencyKeyRules.MaxLength} printable ASCII characters."],
            };
        }

        ValidationContext<TRequest>? context = null;
        foreach (var validator in withRules)
        {
            context ??= new ValidationContext<TRequest>(request);
            var result = await validator.ValidateAsync(context, cancellationToken);
            foreach (var failure in result.Errors)
            {
                // Already the wire name: ValidationNames resolves property paths to snake_case.
                var field = failure.PropertyName;
                errors ??= new(StringComparer.Ordinal);
                if (!errors.TryGetValue(field, out var list))
                {
                    errors[field] = list = [];
                }

                if (!list.Contains(failure.ErrorMessage, StringComparer.Ordinal))
                {
                    list.Add(failure.ErrorMessage);
                }
            }
        }

        if (errors is not null)
        {
            throw new RequestValidationException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal));
        }

        return await next();
    }
}
