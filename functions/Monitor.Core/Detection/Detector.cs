using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Monitor.Records;
using Monitor.State;

namespace Monitor.Detection;

/// <summary>
/// The typed side of <see cref="IDetector"/>: a detector judges one subject type (a record, possibly a closed family
/// of records), stored as source-generated JSON (<paramref name="subjects"/>), so no reflection is needed under AOT.
/// </summary>
internal abstract class Detector<TSubject>(JsonTypeInfo<TSubject> subjects) : IDetector
    where TSubject : class, ISubject
{
    public abstract string Id { get; }

    public abstract void Observe(Activity activity, Observation observation);

    public virtual bool Watches(StateKey key) => false;

    public virtual void OnChanged(SlotChange change, Triggers triggers)
    {
    }

    void IDetector.Plan(ISubject subject, ReadPlan plan) => Plan(Typed(subject), plan);

    void IDetector.Judge(ISubject subject, Snapshot snapshot, Judgment judgment) => Judge(Typed(subject), snapshot, judgment);

    public string Encode(ISubject subject) => JsonSerializer.Serialize(Typed(subject), subjects);

    public ISubject? Decode(string text)
    {
        try
        {
            return JsonSerializer.Deserialize(text, subjects);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    protected abstract void Plan(TSubject subject, ReadPlan plan);

    protected abstract void Judge(TSubject subject, Snapshot snapshot, Judgment judgment);

    private TSubject Typed(ISubject subject) =>
        subject as TSubject ?? throw new ArgumentException($"Detector {Id} judges {typeof(TSubject).Name}, not {subject.GetType().Name}.", nameof(subject));
}
