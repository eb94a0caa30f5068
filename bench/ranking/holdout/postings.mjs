// Held-out postings: prose written independently of ../postings.mjs (other companies, other section
// headings, other shapes), each with the TRUTH a recruiter would read out of it. Same truth format as
// the main set (occupation keys from ./occupations.mjs, skill keys from HSKILLS, cities from ./cities.mjs).
import { HREGIONS } from "./cities.mjs";

export const HPOSTINGS = [
  {
    id: "h01-pt-ortho-minneapolis",
    title: "Outpatient Physical Therapist – Orthopedics",
    location: "Minneapolis, MN",
    jobDescription: `Northstar Physical Therapy has been treating the Twin Cities for 22 years from nine neighborhood clinics, from Uptown to Roseville. Our therapists see 11–13 patients a day with 60-minute initial evals, real support staff, and zero pressure to double-book.

The opportunity
We are adding a full-time outpatient physical therapist to our Lyn-Lake and St. Anthony clinics. Your caseload will be mostly orthopedic: post-op knees and shoulders, spine, and a growing number of runners and climbers.

What we're looking for
You are a licensed physical therapist (Minnesota license, or eligible and in process) with at least two years of outpatient orthopedic experience. Manual therapy and a strong exercise-prescription approach are the core of how we treat. Post-surgical protocols should feel familiar. Dry needling certification, sports background or an OCS are great, but we'll happily pay for the course.

The details
Monday–Thursday 7–6 or a five-day schedule, your choice. You'll need to get to clinics in Minneapolis and the inner suburbs — this is a hands-on, in-person job. We document in WebPT.

Benefits: CEU allowance of $1,500, loan-repayment assistance, 401(k) with 4% match, health/dental/vision, paid licensure renewal.`,
    truth: {
      occupation: "physical_therapist", adjacent: [], levels: { min: 2, max: 3 }, must: ["ortho", "manual", "therex", "ptlic_mn"], nice: ["postop", "dryneedle", "sports", "webpt"],
      policy: { places: [{ city: "minneapolis", radiusKm: 40 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["minneapolis", "stpaul"], farInState: ["duluth", "rochestermn"], sameName: [], elsewhere: ["chicago", "denver", "milwaukee"] },
  },
  {
    id: "h02-hvac-tech-phoenix",
    title: "Commercial HVAC Service Technician",
    location: "Phoenix, AZ",
    jobDescription: `Desert Air Mechanical services rooftop units, chillers and split systems for schools, restaurants and offices across the Valley. We're hiring an experienced commercial HVAC service tech: you'll run your own company truck, diagnose and repair packaged RTUs and split systems, do PM rounds, and get a callout rotation roughly one weekend a month. You need 3+ years of commercial service (not just residential changeouts), your EPA 608 Universal card, a clean driving record and your own hand tools; experience with DDC/BAS controls or heat pumps gets you more money. Territory is Phoenix, Tempe, Mesa, Chandler and Glendale, so you should live in the metro. $32–$44/hr DOE, take-home truck, fuel card, uniforms, paid certs, medical/dental, 401k.`,
    truth: {
      occupation: "hvac_technician", adjacent: [], levels: { min: 2, max: 3 }, must: ["hvacsvc", "rtu", "epa608"], nice: ["controls", "heatpump", "refrig"],
      policy: { places: [{ city: "phoenix", radiusKm: 60 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["phoenix", "mesa"], farInState: ["tucson", "flagstaff"], sameName: [], elsewhere: ["la", "denver", "dallas"] },
  },
  {
    id: "h03-dental-hygienist-perth",
    title: "Dental Hygienist / Oral Health Therapist",
    location: "Perth, Western Australia",
    jobDescription: `Fremantle Family Dentistry — a three-chair practice minutes from South Beach — is looking for a dental hygienist or oral health therapist to take over a well-established hygiene book four days a week.

Why us: modern surgeries, intraoral scanner, digital OPG, Dentrix on every chair, and a team that actually takes lunch together.

You'll be doing: scale and cleans, root planing, perio charting and maintenance, radiographs, fissure sealants and plenty of patient education.

You'll have: current AHPRA registration as a dental hygienist or OHT (non-negotiable), 2+ years in private practice, and confidence with periodontal patients.

Please note this position is in Perth, WA (Australia). We are not recruiting for any other Perth, and we can't sponsor visas. Remuneration $55–$62/hr or 40% of collections, whichever is higher, plus super.`,
    truth: {
      occupation: "dental_hygienist", adjacent: [], levels: { min: 2, max: 3 }, must: ["scaling", "perio", "radiographs", "ahpra"], nice: ["dentrix", "sterilisation"],
      policy: { places: [{ city: "perth", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["perth"], farInState: ["bunbury"], sameName: ["perthscot"], elsewhere: ["sydney", "melbourne", "auckland"] },
  },
  {
    id: "h04-ux-researcher-stockholm-cph",
    title: "Senior UX Researcher",
    location: "Stockholm or Copenhagen (hybrid)",
    jobDescription: `Lagom Health builds the app that 1.4 million Nordic patients use to book GP visits, renew prescriptions and message their clinic. We're a 140-person company with product teams in Stockholm and Copenhagen.

Why this role exists
Our designers and PMs do a lot of quick testing, but nobody owns the big questions: why do older patients drop off in booking, what do clinicians actually need from the inbox, where should we go next? You'll be our second senior researcher and set the research agenda for two product areas.

You will probably have
• 5+ years in UX or design research, in-house or agency, with a portfolio of studies that changed decisions
• Deep experience with qualitative methods — interviews, moderated usability testing, contextual inquiry — and solid synthesis
• Enough quant to design a survey and read a funnel with our analysts
• Comfort presenting to a room of doctors and engineers

Tools you'll meet: Dovetail, Figma, Maze, Lookback, Mixpanel, Qualtrics.

How we work: hybrid, with three office days a week in Södermalm (Stockholm) or Vesterbro (Copenhagen). You must live within commuting distance of one of them; we do not hire fully remote for this role. English is our working language; Swedish or Danish is a bonus.

Benefits: 6 weeks' vacation, wellness allowance of 5,000 SEK, parental top-up to 90% salary, occupational pension.`,
    truth: {
      occupation: "ux_researcher", adjacent: [], levels: { min: 3, max: 3 }, must: ["interviews", "usabtest", "synthesis"], nice: ["surveys", "dovetail", "mixedmethods"],
      policy: { places: [{ city: "stockholm", radiusKm: 75 }, { city: "copenhagen", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["stockholm", "copenhagen", "uppsala", "malmo"], farInState: ["gothenburg", "aarhus"], sameName: [], elsewhere: ["oslo", "helsinki", "berlin"] },
  },
  {
    id: "h05-security-eng-eu",
    title: "Cloud Security Engineer",
    location: "Remote — EU/EEA",
    jobDescription: `Flinta Security protects payment data for 900 European fintechs. Our product runs in AWS across three EU regions and handles card data under PCI DSS.

In this role you will harden our AWS organisation (IAM, SCPs, GuardDuty, KMS), build security guardrails in Terraform, threat-model new features with product teams, and help run incident response when something looks wrong. You'll work in a team of five security engineers reporting to our CISO.

We need someone with at least three years in a hands-on security engineering role, strong AWS security and IAM knowledge, and infrastructure-as-code skills with Terraform. Python or Go for automation is expected. Experience with Kubernetes security, SOC 2/ISO 27001 audits or application security reviews is a plus. This is a builder role, not a SOC analyst or compliance-only role.

Location: fully remote, but for legal reasons we can only employ people who live in an EU or EEA country. We are unfortunately unable to hire from the UK or Switzerland.

We offer a home-office budget, 28 days off, a yearly team week in Lisbon, and a security conference budget (DEF CON, BSides, FIRST).`,
    truth: {
      occupation: "security_engineer", adjacent: [], levels: { min: 2, max: 3 }, must: ["cloudsec", "iam", "tf2"], nice: ["python2", "go2", "k8s2", "threatmodel", "soc2", "appsec"],
      policy: { places: [], remoteCountries: HREGIONS.EU_EEA, remoteOnlyOk: true },
    },
    gen: { homes: ["berlin", "amsterdam", "lisbon", "warsaw", "madrid", "vienna", "copenhagen", "helsinki", "dublin", "prague"], wrongRegion: ["london", "zurich", "manchester", "nyc"], elsewhere: ["toronto", "bangalore"] },
  },
  {
    id: "h06-ios-remote-anywhere",
    title: "iOS Engineer (SwiftUI)",
    location: "Remote (anywhere)",
    jobDescription: `Orchid Notes is a tiny, profitable company (11 people, 9 time zones) making a handwriting-first notes app for iPad and iPhone. We're looking for an iOS engineer who loves the platform. You'd work on the drawing engine, sync, and our new SwiftUI interface, and ship an App Store release roughly every two weeks. We want two or more years of professional iOS work in Swift, real SwiftUI in a shipped app, and at least a working knowledge of UIKit since parts of the canvas still live there; Core Data, PencilKit or Metal would be lovely. We don't care where you live or what passport you hold — we hire as contractors or through an EOR anywhere in the world, and the only overlap we ask for is two hours with 14:00 UTC. Pay is the same for everyone: $120k–$150k.`,
    truth: {
      occupation: "ios_engineer", adjacent: [], levels: { min: 2, max: 3 }, must: ["swift2", "swiftui", "uikit"], nice: ["coredata", "appstore", "combine", "xctest"],
      policy: { places: [], remoteCountries: HREGIONS.ANYWHERE, remoteOnlyOk: true },
    },
    gen: { homes: ["lisbon", "bangalore", "saopaulo", "berlin", "toronto", "tokyo", "lagos", "austin", "manila"], wrongRegion: [], elsewhere: [] },
  },
  {
    id: "h07-payroll-canada",
    title: "Payroll Specialist (Canada)",
    location: "Remote, Canada",
    jobDescription: `Maplewood Payroll Services runs payroll for 300 Canadian employers, from dental offices to trucking fleets.

Responsibilities
- Process bi-weekly and semi-monthly payrolls for a portfolio of 25–35 clients in Ceridian Dayforce
- Calculate and remit source deductions (CPP, EI, income tax) and provincial health taxes
- Issue Records of Employment and handle retro pay, terminations and vacation payouts
- Prepare T4/T4A and RL-1 at year end
- Be the friendly expert clients call when something looks wrong

Requirements
- 3+ years processing Canadian payroll end to end
- Working knowledge of CPP/EI and ROEs
- Dayforce, ADP Workforce Now or similar
- PCP designation or progress towards it is an asset
- Strong Excel

This is a remote role, open to candidates living anywhere in Canada. We do not employ people outside Canada (including the US). Equipment provided; group benefits from day one.`,
    truth: {
      occupation: "payroll_specialist", adjacent: [], levels: { min: 2, max: 3 }, must: ["payrollproc", "cpp_ei", "roe"], nice: ["ceridian", "adp", "t4", "pcp", "excel2"],
      policy: { places: [], remoteCountries: ["CA"], remoteOnlyOk: true },
    },
    gen: { homes: ["toronto", "calgary", "halifax", "vancouver", "montreal", "ottawa", "hamilton"], wrongRegion: ["seattle", "chicago", "london"], elsewhere: [] },
  },
  {
    id: "h08-data-eng-latam",
    title: "Senior Data Engineer — LATAM",
    location: "Remote (Latin America)",
    jobDescription: `Datafarm is the data team behind 30 agricultural co-ops in Brazil, Argentina and Colombia. We turn harvest, weather and sales data into the reports farmers and buyers use every morning.

The job
Design, build and operate batch and streaming pipelines in Python and SQL; orchestrate with Airflow; model the warehouse in dbt on Snowflake; keep costs in check; mentor two mid-level engineers. You'll be one of three senior engineers.

Must-have experience
5+ years of data engineering; production Airflow; dbt; strong SQL and Python. Spark and Kafka are nice to have; we do not expect you to build ML models.

Where you can live
Anywhere in Latin America (Mexico to Argentina). We pay in USD through a local entity or contractor agreement. We cannot hire in Spain, Portugal or the US, even for Spanish or Portuguese speakers.

Perks: USD salary, 25 days off, conference budget, a team trip to Medellín every year.`,
    truth: {
      occupation: "data_engineer", adjacent: [], levels: { min: 3, max: 4 }, must: ["airflow", "dbt", "sql2", "python2"], nice: ["spark2", "kafka2", "snowflake"],
      policy: { places: [], remoteCountries: HREGIONS.LATAM, remoteOnlyOk: true },
    },
    gen: { homes: ["saopaulo", "buenosaires", "bogota", "medellin", "mexicocity", "santiago", "guadalajara", "curitiba", "lima"], wrongRegion: ["madrid", "lisbon", "miami", "barcelona"], elsewhere: [] },
  },
  {
    id: "h09-supply-chain-chicago",
    title: "Supply Chain Analyst",
    location: "Chicago, IL",
    jobDescription: `Midwest Home Goods Co. distributes furniture and housewares to 1,100 retailers from four distribution centers. Our planning team of eight sits in the Fulton Market office, right next to the buyers and the transportation desk, and that is where this job is done — every day, in person; it is not a remote or hybrid position. As a supply chain analyst you'll own the demand forecast for two categories, set safety stock and reorder points, run the weekly supply review, and prepare the numbers for our monthly S&OP meeting. Most of the work happens in SAP and in SQL and Excel, with a few Tableau dashboards on top. We'd like 2–5 years in demand planning, inventory planning or supply chain analytics at a distributor, retailer or manufacturer; APICS/ASCM certification or Python is a plus. Salary $78k–$95k, 10% bonus, 401(k) match, tuition reimbursement.`,
    truth: {
      occupation: "supply_chain_analyst", adjacent: [], levels: { min: 2, max: 3 }, must: ["forecasting", "inventoryopt", "sql2"], nice: ["sop", "erp", "excel2", "tableau2", "python2"],
      policy: { places: [{ city: "chicago", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["chicago", "evanston"], farInState: ["springfieldil"], sameName: [], elsewhere: ["milwaukee", "minneapolis", "atlanta"] },
  },
  {
    id: "h10-civil-eng-hamilton",
    title: "Municipal Civil Engineer (P.Eng.)",
    location: "Hamilton, Ontario",
    jobDescription: `ESCARPMENT ENGINEERING — HAMILTON OFFICE

About the firm: 70 engineers, technologists and planners delivering land development and municipal infrastructure across the Golden Horseshoe since 1987.

The position: A licensed civil engineer to lead design of site servicing, grading and stormwater management for residential and commercial developments, and watermain/sewer replacements for municipal clients. You will manage a small design team of EITs and technologists and be the engineer of record on your projects.

Minimum qualifications:
• P.Eng. licence with Professional Engineers Ontario
• 5+ years in land development or municipal engineering in Ontario
• Proficient in Civil 3D
• Stormwater management design (quantity and quality) and watermain design

Assets: PCSWMM or HydroCAD, experience with City of Hamilton or Halton Region standards, project management.

Work location: our office on James Street North, with site visits across the region. Candidates must reside within commuting distance of Hamilton. Hybrid one day a week from home after probation.`,
    truth: {
      occupation: "civil_engineer", adjacent: [], levels: { min: 3, max: 4 }, must: ["peng_on", "civil3d", "stormwtr", "watermain"], nice: ["hydrocad", "grading", "roads"],
      policy: { places: [{ city: "hamilton", radiusKm: 70 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["hamilton", "mississauga", "toronto"], farInState: ["ottawa", "londonon"], sameName: ["hamiltonnz"], elsewhere: ["calgary", "chicago"] },
  },
  {
    id: "h11-sales-engineer-apac",
    title: "Solutions Engineer, APAC",
    location: "Remote — Asia Pacific",
    jobDescription: `Pacifica Identity sells customer-identity APIs (login, MFA, fraud signals) to banks, airlines and marketplaces. We're building out our APAC go-to-market team and need a solutions engineer to pair with our account executives in Singapore, Sydney and Tokyo.

What success looks like after a year: you've run technical discovery and demos for 40+ prospects, scoped and won a handful of proofs of concept, answered the big security questionnaires without panicking, and the product team listens to you about what APAC customers need.

You: 3+ years as a sales engineer, solutions engineer or presales consultant for a SaaS or API product; you can talk OAuth/OIDC with an architect and ROI with a CFO; you write a bit of code (JavaScript or Python) for demos and POCs. You are NOT a quota-carrying AE — though we love AEs, this isn't that job.

Location: remote within APAC (Singapore, Australia, New Zealand, Japan, India, the Philippines or Malaysia). Travel 25%. OTE split 70/30.`,
    truth: {
      occupation: "sales_engineer", adjacent: [], levels: { min: 2, max: 3 }, must: ["demos", "poc", "apis"], nice: ["rfp", "solutioning", "python2"],
      policy: { places: [], remoteCountries: HREGIONS.APAC, remoteOnlyOk: true },
    },
    gen: { homes: ["singapore", "sydney", "melbourne", "tokyo", "bangalore", "auckland", "kualalumpur", "manila"], wrongRegion: ["dubai", "london", "sf"], elsewhere: [] },
  },
  {
    id: "h12-chem-teacher-richmond",
    title: "High School Chemistry Teacher (2027–28)",
    location: "Richmond, VA",
    jobDescription: `Henrico County Public Schools — Secondary Science
Position: Chemistry Teacher, grades 10–12 (1.0 FTE), Highland Springs High School
Reports to: Principal / Science Department Chair
Contract: 10-month, beginning August 2027

Essential functions: plan and deliver standards-aligned Chemistry instruction (Virginia SOL); maintain a safe laboratory environment, including chemical storage; differentiate instruction for English learners and students with IEPs; collaborate in the science PLC; communicate with families.

Qualifications: Virginia teaching license with an endorsement in Chemistry (or eligibility for a provisional license with a Chemistry endorsement); bachelor's degree in chemistry or a related field; successful teaching experience preferred; AP Chemistry experience desirable.

Location: Henrico County, Richmond, Virginia. This is not Richmond, British Columbia, nor Richmond, California. Salary per the HCPS teacher scale ($53,900–$86,200) plus $2,000 hard-to-staff supplement.`,
    truth: {
      occupation: "chemistry_teacher", adjacent: ["biology_teacher"], levels: { min: 1, max: 3 }, must: ["chem", "labsafe", "valic"], nice: ["vasol", "differentiation", "inquiry"],
      policy: { places: [{ city: "richmondva", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["richmondva"], farInState: ["norfolk"], sameName: ["richmondbc"], elsewhere: ["charlotte", "dc"] },
  },
  {
    id: "h13-python-backend-germany",
    title: "Senior Python Backend Developer (m/w/d)",
    location: "Remote in Germany",
    jobDescription: `Halden Insurtech runs the policy and claims backend for 14 German insurers. Your mission: keep our Django and FastAPI services clean, fast and boring. You'll design REST APIs, own PostgreSQL schemas and migrations, run background work with Celery, and review a lot of code. We need 5+ years of backend development, at least three of them recently in Python with Django or FastAPI, and solid PostgreSQL. Docker, Redis and AWS are part of daily life; no frontend work expected. We are remote-first within Germany — you must be resident in Germany (employment contract under German law), and we meet in Cologne twice a year. Benefits: 30 vacation days, Bahncard 50, company pension, €1,500 home-office budget.`,
    truth: {
      occupation: "backend_engineer", adjacent: ["fullstack_engineer"], levels: { min: 3, max: 3 }, must: ["python2", "postgres2"], nice: ["django2", "fastapi2", "celery", "docker2", "redis2"],
      policy: { places: [], remoteCountries: ["DE"], remoteOnlyOk: true },
    },
    gen: { homes: ["berlin", "munich", "hamburg", "cologne", "frankfurt", "potsdam"], wrongRegion: ["vienna", "zurich", "amsterdam"], elsewhere: [], stack: 0 },
  },
  {
    id: "h14-er-nurse-boston",
    title: "Staff Nurse – Emergency Department (Nights)",
    location: "Boston, MA",
    jobDescription: `Commonwealth General Hospital | Emergency Department | 36 hrs/week, nights

Commonwealth General's ED sees 85,000 visits a year as a Level I adult and pediatric trauma center. We are hiring experienced emergency RNs for our night shift.

In this role you will triage and care for patients of all ages and acuities, manage trauma and resuscitation patients alongside physicians and respiratory therapists, start IVs and administer medications, and document in Epic.

Required: active Massachusetts RN license (or compact license with MA privileges obtained before start); at least 2 years of recent emergency department experience; BLS, ACLS and PALS; TNCC within 6 months of hire. Paramedics, LPNs and medical assistants are encouraged to see our other openings.

Hours: three 12-hour nights, every third weekend. The job is onsite at our Longwood campus; commuter rail and parking subsidies available. Sign-on bonus $15,000.`,
    truth: {
      occupation: "registered_nurse", adjacent: [], levels: { min: 2, max: 3 }, must: ["edcare", "triagecare", "acls2", "pals", "rnlic_ma"], nice: ["tncc", "epic2", "ivtherapy"],
      policy: { places: [{ city: "boston", radiusKm: 50 }], remoteCountries: null, remoteOnlyOk: false },
    },
    gen: { homes: ["boston", "cambridgema"], farInState: ["worcester"], sameName: [], elsewhere: ["nyc", "philadelphia", "hamilton"] },
  },
];
