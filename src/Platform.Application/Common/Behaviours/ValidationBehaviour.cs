using FluentValidation;
using MediatR;
using Platform.Application.Common.Errors;
using Platform.Application.Common.Idempotency;
using Platform.Application.Common.Messaging;

namespace Platform.Application.Common.Behaviours;

/// <summary>Runs every validator of the request and reports all failures together as one 400 <c>validation.failed</c>.</summary>
internal sealed class ValidationBehaviour<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
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
        foreach (var validator in validators)
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
