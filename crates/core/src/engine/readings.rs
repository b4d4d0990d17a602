//! Readings the text leaves open. Where the seeds allow two readings the engine follows the
//! default written in `../shared/contracts/suggest.md` (or, where the contract is silent, the
//! one written here) and the step that relies on it carries its [`Reading`]. Every reading is
//! listed, with both readings and the articles, in `regulations/README.md` (a test checks it).

use super::model::Reading;

/// Absence (1401 Arts 37(ج), 38(چ), 39(ب), 40(ث)) is counted in calendar days.
pub const ABSENCE_DAYS: Reading = Reading {
    id: "absence-calendar-days",
    fa: "غیبت به روز تقویمی شمرده شده است (نه روز کاری)؛ متن مواد ۳۷ تا ۴۰ آیین‌نامه ۱۴۰۱ نوع روز را نگفته است (قرائت دیگر: روزهای کاری دفتر).",
    en: "Absence is counted in calendar days, not working days; Arts 37–40 of the 1401 code do not say which (other reading: the office's working days).",
};

/// CPC Art 445: neither the day of notification nor "the day of the act" is counted; the
/// appeal's last day is the 20th day after notification.
pub const APPEAL_DAY_OF_ACT: Reading = Reading {
    id: "appeal-day-of-act",
    fa: "مهلت بیست روز از فردای ابلاغ شمرده شده و روز بیستم آخرین روز است؛ «روز اقدام» ماده ۴۴۵ قانون آیین دادرسی مدنی روزی است که اعتراض در آن تقدیم می‌شود و خود در مهلت است (قرائت دیگر: روز بیستم هم شمرده نشود و مهلت یک روز دیرتر پایان یابد).",
    en: "The 20 days are counted from the day after notification and the 20th day is the last; CPC Art 445's \"day of the act\" is read as the day the appeal is filed, itself within the period (other reading: the 20th day is not counted either, ending a day later).",
};

/// Art 44 with grades like {3, 3, 2}: read as grades of different degrees (the highest, the
/// board may add one), not as two of the same grade (+1 mandatory).
pub const ART44_MIXED: Reading = Reading {
    id: "art44-mixed-grades",
    fa: "تخلفات هم درجات یکسان و هم درجات مختلف دارند؛ پرونده «تعدد تخلفات با درجات مختلف» خوانده شده است: مجازات درجه بالاتر و تشدید یک درجه به اختیار هیأت (قرائت دیگر: تخلفات هم‌درجه نخست یک درجه تشدید شوند).",
    en: "The charges have both equal and different grades; the case is read as violations of different grades: the highest, and the board may add one (other reading: the equal grades are first raised one grade).",
};

/// Art 31: eligibility is judged on each charge's own grade, before Arts 43–44 aggravate.
pub const ART31_AFTER_AGGRAVATION: Reading = Reading {
    id: "art31-before-aggravation",
    fa: "شرط «تخلفات مشمول مجازات‌های درجه یک تا چهار» در ماده ۳۱ بر درجه خود هر تخلف (پیش از تشدید مواد ۴۳ و ۴۴) سنجیده شده است (قرائت دیگر: بر مجازات پس از تشدید).",
    en: "Art 31's \"violations punishable by grades 1–4\" is judged on each charge's own grade, before Arts 43–44 aggravate (other reading: on the penalty after aggravation).",
};

/// 1392 Art 24: «بقیه» covers the remaining convictions (grades 5–6), not acquittals.
pub const ART24_1392_REST: Reading = Reading {
    id: "1392-art24-rest",
    fa: "«بقیه» در ماده ۲۴ دستورالعمل ۱۳۹۲ بقیه محکومیت‌ها (ردیف پنج و شش) خوانده شده است، نه رأی برائت (قرائت دیگر: همه آرای دیگر، از جمله برائت، قابل تجدیدنظرند).",
    en: "\"The rest\" in 1392 Art 24 is read as the remaining convictions (grades 5–6), not acquittals (other reading: every other ruling, acquittals included, is appealable).",
};

/// The 1401 code is in force from 1401/05/23 (approved), not 1401/05/24 (sent to the
/// Official Gazette).
pub const IN_FORCE_1401: Reading = Reading {
    id: "in-force-1401",
    fa: "آیین‌نامه ۱۴۰۱ از تاریخ تصویب (۱۴۰۱/۰۵/۲۳) لازم‌الاجرا دانسته شده است (قرائت دیگر: از ۱۴۰۱/۰۵/۲۴، روز ارسال به روزنامه رسمی).",
    en: "The 1401 code is taken to be in force from its approval, 1401/05/23 (other reading: from 1401/05/24, when it was sent to the Official Gazette).",
};

/// Art 45 names neither the start of the 20 days nor who may appeal: read like Art 33.
pub const ART45_APPEAL: Reading = Reading {
    id: "art45-appeal",
    fa: "ماده ۴۵ مبدأ بیست روز و معترض را نگفته است؛ مانند ماده ۳۳ خوانده شده است: از ابلاغ، به اعتراض مدیر دفتر یا رئیس مرکز (قرائت دیگر: از تاریخ صدور رأی، و فقط به اعتراض مدیر دفتر).",
    en: "Art 45 names neither the start of the 20 days nor who may appeal; read like Art 33: from notification, by the manager or the head of the Center (other reading: from the ruling's date, by the manager alone).",
};

/// Before the 1401 code, the older codes wrote no bars: res judicata stands as a general
/// principle of law, and death or withdrawal of the manager as the end of his office
/// (1396 Art 31, 1392 Art 19).
pub const BARS_BEFORE_1401: Reading = Reading {
    id: "bars-before-1401",
    fa: "مقرره پیشین موارد موقوفی تعقیب را ننوشته است و ماده ۳۰ آیین‌نامه ۱۴۰۱ در تاریخ جلسه هنوز لازم‌الاجرا نبود؛ امر مختومه به عنوان اصل کلی حقوقی، و فوت یا انصراف مدیر به استناد پایان مدیریت او (ماده ۳۱ آیین‌نامه ۱۳۹۶، ماده ۱۹ دستورالعمل ۱۳۹۲) مانع تعقیب دانسته شده است (قرائت دیگر: تا آیین‌نامه ۱۴۰۱ هیچ مانعی برای تعقیب نبود).",
    en: "The older code writes no bars and 1401 Art 30 was not yet in force on the session date; res judicata is applied as a general principle of law, and death or withdrawal of the manager as the end of his office (1396 Art 31, 1392 Art 19) (other reading: nothing barred prosecution until the 1401 code).",
};

/// Art 31 says what a conviction during the period does, not what follows a period that ends
/// without one.
pub const ART31_END: Reading = Reading {
    id: "art31-period-ended",
    fa: "ماده ۳۱ حکم پایان مدت تعلیق بی‌ارتکاب تخلف را نگفته است؛ چنین خوانده شده که پس از پایان مدت، قرار تعلیق دیگر لغوشدنی نیست و تعقیب از سر گرفته نمی‌شود (قرائت دیگر: هیأت پس از پایان مدت به موضوع رسیدگی می‌کند).",
    en: "Art 31 does not say what follows a period that ends without a conviction; read as: after the period the suspension can no longer be revoked and prosecution is not resumed (other reading: the board hears the matter after the period).",
};

/// Every reading, for the README check and the UI.
pub const ALL: &[Reading] = &[
    ABSENCE_DAYS,
    APPEAL_DAY_OF_ACT,
    ART44_MIXED,
    ART31_AFTER_AGGRAVATION,
    ART24_1392_REST,
    IN_FORCE_1401,
    ART45_APPEAL,
    BARS_BEFORE_1401,
    ART31_END,
];
