// Dates in China Standard Time and the time limit that applies now; the words of enum values are in labels.ts.
import type { Schemas } from "./api";

type Status = Schemas["ComplaintStatus"];
type Rating = Schemas["SatisfactionRating"];

/** The national 政务服务"好差评" five levels (第十六条), best first; their words come from the labels. */
export const ratings: ReadonlyArray<Rating> = ["very_satisfied", "satisfied", "basically_satisfied", "dissatisfied", "very_dissatisfied"];

/** "2026-12-07" → "2026年12月7日". */
export function formatDate(date: string): string {
  const [y, m, d] = date.split("-");
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const timeFormat = new Intl.DateTimeFormat("zh-CN", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "long",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hour12: false,
});

export function formatTime(iso: string): string {
  return timeFormat.format(new Date(iso));
}

/** The time limit that applies now (第十、十一、十三条), as one sentence; null once nothing is due. */
export function currentDeadline(status: Status, d: Schemas["DeadlinesView"]): string | null {
  const overdue = d.overdue ? "(已超期)" : "";
  const provisional = d.provisional ? "(节假日安排未公布,日期可能调整)" : "";
  switch (status) {
    case "pending_referral":
      return d.referralDue ? `应于 ${formatDate(d.referralDue)} 前交办承办机构${overdue}${provisional}` : null;
    case "pending_acceptance":
      return d.acceptanceDue ? `应于 ${formatDate(d.acceptanceDue)} 前作出是否受理的决定${overdue}${provisional}` : null;
    case "in_handling":
      return d.handlingDue
        ? `应于 ${formatDate(d.handlingDue)} 前办结${d.extended ? "(已依法延长一次)" : ""}${overdue}${provisional}`
        : "现场处理类投诉,当日办结";
    default:
      return null;
  }
}

export function isOpen(status: Status): boolean {
  return status === "pending_referral" || status === "pending_acceptance" || status === "in_handling";
}
