// Words for what the API returns: statuses, timeline events, findings, ratings; dates in China Standard Time.
import type { Schemas } from "./api";

type Status = Schemas["CaseStatus"];
type Event = Schemas["TimelineEventKind"];
type Finding = Schemas["Finding"];
type Rating = Schemas["SatisfactionRating"];

export const statusLabels: Record<Status, string> = {
  pending_referral: "已收到,待交办",
  pending_acceptance: "待受理",
  in_handling: "已受理,办理中",
  concluded: "已办结",
  not_accepted: "不予受理",
  merged: "已合并处理",
  withdrawn: "已撤回",
};

export const eventLabels: Record<Event, string> = {
  received: "收到投诉",
  referred: "交办承办机构",
  accepted: "受理",
  rejected: "不予受理",
  extended: "延长办理期限",
  investigation_recorded: "调查核实",
  concluded: "办结",
  merged: "与同一事项的投诉合并处理",
  merged_into: "同一事项的其他投诉并入本件",
  coordinated: "协调处理",
  withdrawn: "投诉人撤回",
  rated: "满意度评价",
  revisited: "回访",
  rectification_ordered: "责令整改",
  rectification_completed: "整改完成",
  rectification_verified: "整改核验",
  rectification_sent_back: "整改退回",
  major_reported: "重大投诉报告",
  overdue_flagged: "超期提醒",
};

export const findingLabels: Record<Finding, string> = {
  substantiated: "属实",
  partially_substantiated: "部分属实",
  unsubstantiated: "不属实",
  unverifiable: "无法核实",
};

/** The national 政务服务"好差评" five levels (第十六条), best first. */
export const ratings: ReadonlyArray<[Rating, string]> = [
  ["very_satisfied", "非常满意"],
  ["satisfied", "满意"],
  ["basically_satisfied", "基本满意"],
  ["dissatisfied", "不满意"],
  ["very_dissatisfied", "非常不满意"],
];

export function ratingLabel(rating: Rating): string {
  return ratings.find(([r]) => r === rating)?.[1] ?? rating;
}

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
