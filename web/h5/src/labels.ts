// zh-CN words for every enum value come from the service (GET /api/v1/labels, cacheable with an ETag),
// so this page never hard-codes them. Until they arrive (one small request at start) a value shows as is.
import { useEffect, useState } from "preact/hooks";
import { api, call, type Schemas } from "./api";

type Table = Record<string, Record<string, string>>;
let table: Table | null = null;
let loading: Promise<void> | null = null;
const listeners = new Set<() => void>();

export function loadLabels(): Promise<void> {
  loading ??= call(api.GET("/api/v1/labels")).then(
    (data) => {
      table = data;
      listeners.forEach((l) => l());
    },
    () => {
      loading = null; // try again on the next page
    },
  );
  return loading;
}

type Labelled = {
  ComplaintStatus: Schemas["ComplaintStatus"];
  TimelineEventKind: Schemas["TimelineEventKind"];
  Finding: Schemas["Finding"];
  SatisfactionRating: Schemas["SatisfactionRating"];
  Classification: Schemas["Classification"];
};

export function label<K extends keyof Labelled>(schema: K, value: Labelled[K]): string {
  return table?.[schema]?.[value] ?? value;
}

/** Re-renders the calling component once the labels are there. */
export function useLabels(): void {
  const [, setVersion] = useState(0);
  useEffect(() => {
    const listener = () => setVersion((v) => v + 1);
    listeners.add(listener);
    void loadLabels();
    return () => void listeners.delete(listener);
  }, []);
}
