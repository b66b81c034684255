/**
 * How a title says what an item is for (its role: opening, adoption of the agenda, ...),
 * per language: the rules of procedure are checked on roles, and an item that declares
 * none is given the role its title's wording names. Role names are the model's (ItemRole).
 */
export interface RoleWording {
  role: string;
  /** Starts of the title, in lower case. */
  starts?: readonly string[];
  /** Words anywhere in the title, in lower case. */
  has?: readonly string[];
}

/**
 * The English wordings that give an item its role, in the order they are tried: the first that
 * fits wins, so "Adoption of the report of the Credentials Committee" is about credentials
 * and "Adoption of the provisional agenda for the next session" about the next session.
 * `starts` are starts of the title, `has` words anywhere in it (case and spacing do not
 * matter). The English wordings of the UNTOC and UNCAC conferences, ECOSOC commissions,
 * the General Assembly, UNCTAD bodies and the treaty bodies (un-conventions.md, § 2).
 */
export const ENGLISH_ROLE_WORDINGS: readonly RoleWording[] = [
  { role: 'credentials', has: ['credentials'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['provisional agenda', 'draft provisional agenda', 'dates and provisional agenda', 'date, venue and provisional agenda', 'venue, dates and provisional agenda', 'adoption of the provisional agenda for', 'adoption of the provisional agenda of', 'adoption of the draft provisional agenda', 'approval of the provisional agenda for'],
    has: ['agenda for the next session', 'agenda of the next session', 'agenda for its next session'],
  },
  // "Organization of work, adoption of the agenda and allocation of items" (General Assembly) adopts the agenda.
  { role: 'adoption-of-agenda', starts: ['adoption of agenda', 'adoption of the provisional agenda'], has: ['adoption of the agenda', 'approval of the agenda'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['adoption of the rules of procedure', 'rules of procedure'] },
  // "Report of the Commission on its fifty-sixth session" (the Statistical Commission, E/CN.3/2025/1): the body's own report, not a report it considers.
  { role: 'adoption-of-report', starts: ['adoption of the report', 'adoption of the annual report', 'adoption of the draft report', 'adoption of the final report', 'consideration and adoption of the report', 'adoption of its report', 'approval of the report', 'report of the commission on its', 'report of the committee on its', 'report of the board on its', 'report of the council on its', 'report of the conference on its', 'report of the working group on its', 'report of the forum on its', 'report of the assembly on its'] },
  { role: 'organizational-matters', starts: ['organizational matters', 'organizational and procedural matters', 'procedural matters', 'procedural and organizational matters'] },
  { role: 'organization-of-work', starts: ['organization of work', 'organization of the work', 'organization of the session', 'organization of the meeting'] },
  { role: 'opening', starts: ['opening of the', 'opening of its', 'opening by the', 'opening of session', 'opening of meeting'] },
  { role: 'minute-of-silence', starts: ['minute of silent prayer', 'minute of silence'] },
  { role: 'solemn-declaration', starts: ['solemn declaration'] },
  { role: 'election-of-officers', starts: ['election of officers', 'election of the officers', 'election of the president', 'election of the chair', 'election of the vice', 'election of vice', 'election of the bureau', 'election of the rapporteur', 'election of a chair', 'election of a president', 'election of a vice'] },
  { role: 'elections', starts: ['election of', 'elections'] },
  { role: 'general-debate', starts: ['general debate', 'general discussion'] },
  { role: 'other-matters', starts: ['other matters', 'other business', 'any other business', 'miscellaneous'] },
  { role: 'closing', starts: ['closing of the', 'closure of the', 'close of the', 'closing of session', 'closing of meeting'] },
];

/**
 * The French wordings (UN French agendas: "Ouverture de la session", "Élection du Bureau",
 * "Adoption de l’ordre du jour", IDB.49/1/Add.1; "Questions d’organisation", "Questions
 * diverses", "Adoption du rapport" as the French versions of the UNTOC and UNCAC working groups
 * title them). Titles are compared in lower case; the apostrophe is written both ways.
 */
const frenchApostrophes = (wordings: readonly string[]) => wordings.flatMap((w) => (w.includes('’') ? [w, w.replaceAll('’', "'")] : [w]));
const withApostrophes = (wording: RoleWording): RoleWording => ({
  role: wording.role,
  ...(wording.starts ? { starts: frenchApostrophes(wording.starts) } : {}),
  ...(wording.has ? { has: frenchApostrophes(wording.has) } : {}),
});
export const FRENCH_ROLE_WORDINGS: readonly RoleWording[] = [
  { role: 'credentials', has: ['pouvoirs'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['ordre du jour provisoire', 'projet d’ordre du jour provisoire', 'dates et ordre du jour provisoire', 'adoption de l’ordre du jour provisoire de la', 'adoption de l’ordre du jour provisoire de sa'],
    has: ['ordre du jour provisoire de la prochaine session', 'ordre du jour provisoire de sa prochaine session', 'ordre du jour de la prochaine session'],
  },
  { role: 'adoption-of-agenda', starts: ['adoption de l’ordre du jour'], has: ['adoption de l’ordre du jour', 'approbation de l’ordre du jour'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['adoption du règlement intérieur', 'règlement intérieur'] },
  { role: 'adoption-of-report', starts: ['adoption du rapport', 'adoption du projet de rapport', 'adoption de son rapport', 'examen et adoption du rapport', 'approbation du rapport', 'rapport de la commission sur les travaux de sa', 'rapport du comité sur les travaux de sa', 'rapport du conseil sur les travaux de sa', 'rapport de la conférence sur les travaux de sa', 'rapport du groupe de travail sur les travaux de sa'] },
  { role: 'organizational-matters', starts: ['questions d’organisation', 'questions de procédure', 'questions d’organisation et de procédure'] },
  { role: 'organization-of-work', starts: ['organisation des travaux'] },
  { role: 'opening', starts: ['ouverture de la', 'ouverture des', 'ouverture du'] },
  { role: 'minute-of-silence', starts: ['minute de silence', 'une minute de silence'] },
  { role: 'solemn-declaration', starts: ['déclaration solennelle'] },
  { role: 'election-of-officers', starts: ['élection du bureau', 'élection des membres du bureau', 'élection du président', 'élection de la présidence', 'élection des vice-présidents', 'élection du rapporteur', 'élection des autres membres du bureau'] },
  { role: 'elections', starts: ['élection', 'élections'] },
  { role: 'general-debate', starts: ['débat général'] },
  { role: 'other-matters', starts: ['questions diverses', 'autres questions'] },
  { role: 'closing', starts: ['clôture de la', 'clôture des', 'clôture du'] },
].map(withApostrophes);

/**
 * The Spanish wordings ("Apertura del período de sesiones", "Cuestiones de organización:
 * a) Aprobación del programa", FCCC/KP/CMP/2017/1; "Elección de la Mesa",
 * HSP/GC/19/1/Add.1; "Otros asuntos", "Aprobación del informe" as the Spanish versions of the
 * UNTOC and UNCAC working groups title them).
 */
export const SPANISH_ROLE_WORDINGS: readonly RoleWording[] = [
  { role: 'credentials', has: ['credenciales'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['programa provisional', 'proyecto de programa provisional', 'fechas y programa provisional', 'aprobación del programa provisional de su', 'aprobación del programa provisional del'],
    has: ['programa provisional de su próximo período de sesiones', 'programa provisional del próximo período de sesiones', 'programa de su próximo período de sesiones'],
  },
  { role: 'adoption-of-agenda', starts: ['aprobación del programa'], has: ['aprobación del programa'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['aprobación del reglamento', 'reglamento'] },
  { role: 'adoption-of-report', starts: ['aprobación del informe', 'aprobación del proyecto de informe', 'aprobación de su informe', 'examen y aprobación del informe', 'informe de la comisión sobre su', 'informe del comité sobre su', 'informe del consejo sobre su', 'informe de la conferencia sobre su', 'informe del grupo de trabajo sobre su'] },
  { role: 'organizational-matters', starts: ['cuestiones de organización', 'cuestiones de procedimiento', 'cuestiones de organización y de procedimiento'] },
  { role: 'organization-of-work', starts: ['organización de los trabajos'] },
  { role: 'opening', starts: ['apertura del', 'apertura de la', 'apertura de los'] },
  { role: 'minute-of-silence', starts: ['minuto de silencio'] },
  { role: 'solemn-declaration', starts: ['declaración solemne'] },
  { role: 'election-of-officers', starts: ['elección de la mesa', 'elección de los miembros de la mesa', 'elección del presidente', 'elección de la presidencia', 'elección de los vicepresidentes', 'elección del relator', 'elección de otros miembros de la mesa'] },
  { role: 'elections', starts: ['elección de', 'elecciones'] },
  { role: 'general-debate', starts: ['debate general'] },
  { role: 'other-matters', starts: ['otros asuntos', 'otras cuestiones', 'asuntos varios'] },
  { role: 'closing', starts: ['clausura del', 'clausura de la'] },
];

/**
 * The Russian wordings ("Организационные вопросы: a) открытие сессии; b) утверждение
 * повестки дня и организация работы", CAC/COSP/IRG/2015/1 in Russian; "Прочие вопросы",
 * "Утверждение доклада" as the Russian versions of the UNTOC and UNCAC working groups title
 * them). Sub-item titles after a colon start in lower case in Russian; case does not matter here.
 */
export const RUSSIAN_ROLE_WORDINGS: readonly RoleWording[] = [
  { role: 'credentials', has: ['полномочи'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['предварительная повестка дня', 'проект предварительной повестки дня', 'сроки проведения и предварительная повестка дня', 'утверждение предварительной повестки дня следующей', 'утверждение предварительной повестки дня ее следующей', 'утверждение предварительной повестки дня его следующей'],
    has: ['повестка дня следующей сессии', 'повестки дня следующей сессии', 'повестка дня ее следующей сессии', 'повестка дня его следующей сессии'],
  },
  { role: 'adoption-of-agenda', starts: ['утверждение повестки дня', 'утверждение предварительной повестки дня'], has: ['утверждение повестки дня', 'принятие повестки дня'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['утверждение правил процедуры', 'принятие правил процедуры', 'правила процедуры'] },
  { role: 'adoption-of-report', starts: ['утверждение доклада', 'принятие доклада', 'утверждение проекта доклада', 'утверждение своего доклада', 'рассмотрение и утверждение доклада'] },
  { role: 'organizational-matters', starts: ['организационные вопросы', 'процедурные вопросы', 'организационные и процедурные вопросы'] },
  { role: 'organization-of-work', starts: ['организация работы'] },
  { role: 'opening', starts: ['открытие'] },
  { role: 'minute-of-silence', starts: ['минута молчания', 'минута безмолвной молитвы'] },
  { role: 'solemn-declaration', starts: ['торжественное заявление'] },
  { role: 'election-of-officers', starts: ['выборы должностных лиц', 'выборы председателя', 'выборы заместител', 'выборы докладчика', 'выборы бюро', 'выборы членов бюро', 'выборы других должностных лиц'] },
  { role: 'elections', starts: ['выборы'] },
  { role: 'general-debate', starts: ['общие прения'] },
  { role: 'other-matters', starts: ['прочие вопросы', 'другие вопросы', 'разное'] },
  { role: 'closing', starts: ['закрытие'] },
];

/**
 * The Arabic wordings ("إقرار جدول الأعمال ومسائل تنظيمية أخرى", E/CONF.103/2 in Arabic;
 * "تنظيم الأعمال وإقرار جدول الأعمال", A/74/L.75 in Arabic; "افتتاح الدورة", "مسائل أخرى",
 * "اعتماد التقرير", "انتخاب أعضاء المكتب" as UN Arabic agendas title them: not verified
 * against an Arabic agenda of the UNTOC and UNCAC working groups). Both "إقرار" and
 * "اعتماد" adopt.
 */
export const ARABIC_ROLE_WORDINGS: readonly RoleWording[] = [
  { role: 'credentials', has: ['وثائق التفويض'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['جدول الأعمال المؤقت', 'مشروع جدول الأعمال المؤقت', 'موعد انعقاد الدورة', 'إقرار جدول الأعمال المؤقت للدورة', 'إقرار جدول الأعمال المؤقت لدورت', 'اعتماد جدول الأعمال المؤقت للدورة'],
    has: ['جدول الأعمال المؤقت للدورة المقبلة', 'جدول الأعمال المؤقت لدورتها المقبلة', 'جدول الأعمال المؤقت لدورته المقبلة', 'جدول أعمال الدورة المقبلة'],
  },
  { role: 'adoption-of-agenda', starts: ['إقرار جدول الأعمال', 'اعتماد جدول الأعمال'], has: ['إقرار جدول الأعمال', 'اعتماد جدول الأعمال'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['إقرار النظام الداخلي', 'اعتماد النظام الداخلي', 'النظام الداخلي'] },
  { role: 'adoption-of-report', starts: ['اعتماد التقرير', 'اعتماد تقرير', 'اعتماد مشروع التقرير', 'إقرار التقرير', 'النظر في التقرير واعتماده'] },
  { role: 'organizational-matters', starts: ['المسائل التنظيمية', 'مسائل تنظيمية', 'المسائل الإجرائية', 'المسائل التنظيمية والإجرائية'] },
  { role: 'organization-of-work', starts: ['تنظيم الأعمال', 'تنظيم أعمال'] },
  { role: 'opening', starts: ['افتتاح'] },
  { role: 'minute-of-silence', starts: ['دقيقة صمت', 'الوقوف دقيقة صمت', 'دقيقة للصلاة الصامتة'] },
  { role: 'solemn-declaration', starts: ['الإعلان الرسمي', 'الإعلان الرسمي الذي'] },
  { role: 'election-of-officers', starts: ['انتخاب أعضاء المكتب', 'انتخاب أعضاء مكتب', 'انتخاب الرئيس', 'انتخاب رئيس', 'انتخاب نواب الرئيس', 'انتخاب المقرر', 'انتخاب أعضاء المكتب الآخرين'] },
  { role: 'elections', starts: ['انتخاب', 'الانتخابات'] },
  { role: 'general-debate', starts: ['المناقشة العامة'] },
  { role: 'other-matters', starts: ['مسائل أخرى', 'ما يستجد من أعمال'] },
  { role: 'closing', starts: ['اختتام', 'اختتام الدورة', 'اختتام الاجتماع'] },
];

/**
 * The Chinese wordings ("会议开幕", "组织事项：(a) 通过议程", FCCC/KP/CMP/2007/1 and
 * UNEP/POPS/POPRC.3/1/Add.1 in Chinese; "通过议程和工作安排", "任何其他事项", "通过报告", "会议闭幕",
 * A/AC.291/11; "安排工作", UNEP/POPS/POPRC.3/1/Add.1; "通过议程和
 * 安排工作", "其他事项", "通过报告" as UN Chinese agendas title them: not verified against a
 * Chinese agenda of the UNTOC and UNCAC working groups). Titles are matched as written:
 * Chinese has no case and no spaces between words.
 */
export const CHINESE_ROLE_WORDINGS: readonly RoleWording[] = [
  { role: 'credentials', has: ['全权证书'] },
  {
    role: 'provisional-agenda-next-session',
    starts: ['临时议程', '临时议程草案', '下届会议临时议程', '通过下届会议临时议程', '下届会议的日期和临时议程'],
    has: ['下届会议临时议程', '下届会议的临时议程', '下次会议临时议程'],
  },
  { role: 'adoption-of-agenda', starts: ['通过议程'], has: ['通过议程'] },
  { role: 'adoption-of-rules-of-procedure', starts: ['通过议事规则', '议事规则'] },
  { role: 'adoption-of-report', starts: ['通过报告', '通过会议报告', '通过报告草稿', '通过报告草案', '审议并通过报告'] },
  { role: 'organizational-matters', starts: ['组织事项', '程序事项', '组织和程序事项'] },
  { role: 'organization-of-work', starts: ['安排工作', '工作安排'] },
  { role: 'opening', starts: ['会议开幕', '届会开幕', '开幕'] },
  { role: 'minute-of-silence', starts: ['默哀一分钟', '静默祈祷或沉思一分钟'] },
  { role: 'solemn-declaration', starts: ['郑重声明'] },
  { role: 'election-of-officers', starts: ['选举主席团成员', '选举主席团', '选举主席', '选举副主席', '选举报告员'] },
  { role: 'elections', starts: ['选举'] },
  { role: 'general-debate', starts: ['一般性辩论', '一般性讨论'] },
  { role: 'other-matters', starts: ['其他事项', '任何其他事项', '其他事务'] },
  { role: 'closing', starts: ['会议闭幕', '届会闭幕', '闭幕'] },
];
