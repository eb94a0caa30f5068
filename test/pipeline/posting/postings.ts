/**
 * Realistic postings of many professions and shapes, each with what a careful recruiter would read from
 * it. `must` is an exact set where the posting is unambiguous, otherwise `{ includes, excludes }`.
 */

import type { LocationPolicyReading } from "../../../src/pipeline/icp/posting/location-policy";

export type PostingJob = { title: string; jobDescription: string; location?: string; query?: string };
export type SkillExpectation = string[] | { includes: string[]; excludes?: string[] };
export type PostingCase = {
  job: PostingJob;
  must: SkillExpectation;
  nice: { includes: string[]; excludes?: string[] };
  years: { min: number | null; max: number | null };
  location: Omit<LocationPolicyReading, "evidence">;
};

const onsite = (places: string[], arrangement: "onsite" | "hybrid" = "onsite", radiusKm: number | null = null) => ({ places, arrangement, radiusKm });

export const POSTINGS: Record<string, PostingCase> = {
  // The measured bug: the company's product ("reconciliation") became a must-have.
  fintechBackendMarkdown: {
    job: {
      title: "Senior Backend Engineer",
      location: "Remote (Europe)",
      jobDescription: `## About us
Ledgerly is the reconciliation platform for mid-market finance teams. Our products, Ledgerly Close and Ledgerly Match, automate bank reconciliation and accounts payable for 2,000 companies. We were founded 12 years ago and are backed by Index Ventures.

## What you'll do
- Build services in Go on Kubernetes
- Partner with finance and sales on B2B campaigns and customer launches
- Own your services in production

## Requirements
- 5+ years of backend engineering experience
- Strong Go or Java
- Solid PostgreSQL and SQL skills
- Experience with gRPC and REST APIs

## Nice to have
- Kafka
- Terraform is a plus

## Benefits
- 30 days of holiday, a home office budget and Slack-first async culture
- Equity after 2 years of service

## Our process
Intro call, a take-home exercise in Python, and a team interview.

Ledgerly is an equal opportunity employer. We value diversity and inclusion.`,
    },
    must: ["backend development", "go", "java", "postgresql", "sql", "grpc", "rest apis"],
    nice: { includes: ["kafka", "terraform", "kubernetes"], excludes: ["reconciliation", "accounts payable", "b2b sales", "python", "diversity and inclusion"] },
    years: { min: 5, max: null },
    location: { onsite: null, remote: { within: ["Europe"] } },
  },

  // The measured bug: "data visualization" and "b2b sales" became must-haves for a product designer.
  productDesignerIncidentalNouns: {
    job: {
      title: "Product Designer",
      location: "Berlin or Munich (hybrid, 3 days/week)",
      jobDescription: `Who we are
Chartwise builds data visualization software for B2B sales teams. Our dashboards are used by 400 companies.

Your day-to-day
• Partner with sales on B2B campaigns and with the data visualization team on new chart types
• Design end-to-end flows in Figma
• Run usability tests with customers

What we're looking for
• 3+ years of product design experience
• A portfolio showing interaction design and visual design
• Strong prototyping skills

Bonus points
• Motion design
• Experience with design systems

What we offer
Hybrid work, a learning budget and a Notion-based handbook.`,
    },
    must: ["product design", "interaction design", "visual design", "prototyping"],
    nice: { includes: ["motion design", "design systems", "figma"], excludes: ["data visualization", "b2b sales", "notion"] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["Berlin", "Munich"], "hybrid"), remote: null },
  },

  icuNurseBullets: {
    job: {
      title: "Registered Nurse - ICU",
      location: "Sacramento, CA",
      jobDescription: `Mercy General Hospital has served Sacramento since 1925 and is a Magnet-designated teaching hospital.

Responsibilities:
• Provide direct patient care to critically ill patients
• Titrate vasoactive drips and manage arterial lines
• Document in Epic

Qualifications:
• Current RN license in the State of California
• BLS and ACLS certification required
• Minimum of two years of acute care experience, ICU preferred
• Bilingual Spanish a plus

We offer tuition reimbursement after 1 year of service and a sign-on bonus.`,
    },
    must: ["nursing", "critical care", "bls", "acls"],
    nice: { includes: ["bilingual", "epic"] },
    years: { min: 2, max: null },
    location: { onsite: onsite(["Sacramento, CA"]), remote: null },
  },

  erNurseProseNoHeadings: {
    job: {
      title: "Emergency Room Nurse",
      location: "Denver, CO",
      jobDescription: `St. Jude Medical Center is a 300-bed Level I trauma center that has served Denver for 80 years. We are looking for an ER nurse to join our night shift. You will triage patients, start IVs and administer medications in a fast-paced emergency department. You have an active RN license, BLS, ACLS and PALS certifications, and at least 3 years of emergency nursing experience. TNCC is a plus. We offer a $10,000 sign-on bonus and full benefits. Candidates must reside in the Denver metro area.`,
    },
    must: { includes: ["emergency nursing", "bls", "acls", "pals"], excludes: ["iv therapy", "medication administration"] },
    nice: { includes: [] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["Denver, CO"]), remote: null },
  },

  staffAccountantInlineHeadings: {
    job: {
      title: "Staff Accountant",
      location: "Chicago, IL",
      jobDescription: `Staff Accountant
Join our finance team in Chicago. You will own month-end close tasks and prepare journal entries.
Requirements: Bachelor's degree in Accounting; 2-4 years of public or corporate accounting experience; strong Excel (pivot tables, VLOOKUP); knowledge of GAAP.
Preferred: CPA or CPA-eligible, NetSuite, QuickBooks.
Benefits: 401(k) match, hybrid schedule, free Excel training courses.`,
    },
    must: ["accounting", "excel", "gaap"],
    nice: { includes: ["cpa", "netsuite", "quickbooks"] },
    years: { min: 2, max: 4 },
    location: { onsite: onsite(["Chicago, IL"], "hybrid"), remote: null },
  },

  accountExecutiveHybrid: {
    job: {
      title: "Account Executive, Mid-Market",
      location: "NYC / remote US",
      jobDescription: `You will own the full sales cycle from prospecting to close for mid-market SaaS customers, and build relationships with VP-level buyers.

What you bring:
- 3-5 years of B2B SaaS sales experience with a track record of quota attainment
- Proficient with Salesforce and consultative selling (MEDDIC a plus)
- Excellent negotiation skills

Not a management role. No recruiters.`,
    },
    must: ["b2b sales", "saas sales", "quota attainment", "salesforce", "solution selling", "negotiation"],
    nice: { includes: ["meddic"] },
    years: { min: 3, max: 5 },
    location: { onsite: onsite(["NYC"]), remote: { within: ["US"] } },
  },

  sdrOneLiner: {
    job: {
      title: "Sales Development Representative",
      location: "Austin, TX",
      jobDescription: `Looking for an SDR with 1+ year of cold calling experience and HubSpot to book meetings for our AEs.`,
    },
    must: { includes: ["cold calling", "hubspot"] },
    nice: { includes: [] },
    years: { min: 1, max: null },
    location: { onsite: onsite(["Austin, TX"]), remote: null },
  },

  dataScientistWhatYoullBring: {
    job: {
      title: "Data Scientist",
      location: "London or remote (UK)",
      jobDescription: `About the team
We use Python, SQL and Spark to build forecasting and recommendation models for 30 million shoppers.

What you'll bring
- 3+ years in applied machine learning
- Strong statistics and Python (pandas, scikit-learn)
- Experience with SQL

It'd be great if
- you have shipped models with PyTorch
- you know Airflow or dbt`,
    },
    must: ["data science", "machine learning", "statistics", "python", "pandas", "sql"],
    nice: { includes: ["pytorch", "airflow", "dbt", "apache spark"] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["London"]), remote: { within: ["UK"] } },
  },

  dataEngineerTwentyTools: {
    job: {
      title: "Data Engineer",
      location: "Remote - EMEA",
      jobDescription: `Requirements
- 4+ years of data engineering experience
- Expert SQL
- Strong Python
- Must have built data pipelines with Airflow
- Snowflake, BigQuery, Redshift, Databricks, dbt, Kafka, Apache Spark, Hadoop, Docker, Kubernetes, Terraform, AWS, GCP, Azure, Tableau, Looker`,
    },
    must: { includes: ["data engineering", "sql", "python", "airflow", "data pipelines"], excludes: ["looker", "tableau", "azure"] },
    nice: { includes: ["looker", "tableau"] },
    years: { min: 4, max: null },
    location: { onsite: null, remote: { within: ["EMEA"] } },
  },

  frontendMustHavesHeading: {
    job: {
      title: "Frontend Engineer",
      location: "Toronto, ON (hybrid)",
      jobDescription: `**The role**
You'll build our customer dashboard in React and TypeScript.

**Must haves**
* 3+ years of React
* TypeScript
* CSS and responsive design

**Nice to have**
* Next.js
* Experience with Cypress or Playwright

**Perks**
* Health and dental insurance
* MacBook, Slack, Linear and Notion licenses`,
    },
    must: ["frontend development", "react", "typescript", "css", "responsive design"],
    nice: { includes: ["next.js", "cypress", "playwright"], excludes: ["notion"] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["Toronto, ON"], "hybrid"), remote: null },
  },

  mlEngineerNotRemote: {
    job: {
      title: "Machine Learning Engineer",
      location: "Remote",
      jobDescription: `You have 4+ years building production machine learning systems with PyTorch and Python. Experience with Kubernetes is a plus.
Please note: we are not able to consider fully remote candidates; the team works from our Zurich office.`,
    },
    must: ["machine learning", "pytorch", "python"],
    nice: { includes: ["kubernetes"] },
    years: { min: 4, max: null },
    location: { onsite: null, remote: null },
  },

  devopsCommute: {
    job: {
      title: "DevOps Engineer",
      location: "Remote - Austin, TX",
      jobDescription: `### Qualifications
- 5+ years with AWS and Terraform
- Strong Linux and Bash
- CI/CD with GitHub Actions or Jenkins

### Preferred qualifications
- Kubernetes, Helm
- Observability with Datadog or Prometheus

You must be able to commute to our Austin office twice a month.`,
    },
    must: { includes: ["devops", "aws", "terraform", "linux", "bash", "ci/cd"], excludes: ["kubernetes", "helm"] },
    nice: { includes: ["kubernetes", "helm", "observability"] },
    years: { min: 5, max: null },
    location: { onsite: onsite(["Austin, TX"]), remote: null },
  },

  iosMinimumPreferred: {
    job: {
      title: "iOS Engineer",
      location: "SF Bay Area",
      jobDescription: `MINIMUM QUALIFICATIONS
- BS in Computer Science or equivalent
- 3 years of experience with Swift and iOS development

PREFERRED QUALIFICATIONS
- Experience with SwiftUI
- Objective-C

RESPONSIBILITIES
- Ship features to 5M users using Xcode Cloud and our internal tooling`,
    },
    must: { includes: ["ios", "swift"], excludes: ["xcode", "objective-c"] },
    nice: { includes: ["objective-c"] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["SF Bay Area"]), remote: null },
  },

  fullStackOurStack: {
    job: {
      title: "Full Stack Developer",
      location: "Remote, US only",
      jobDescription: `Our stack
Ruby on Rails, PostgreSQL, React, Redis, Sidekiq, AWS

About you
- 4+ years of full stack development
- Strong Ruby on Rails experience
- You write tests (RSpec, Jest)

Compensation
$140k-$170k, equity, 401k.`,
    },
    must: { includes: ["full stack development", "ruby on rails"], excludes: ["postgresql", "redis"] },
    nice: { includes: ["postgresql", "react", "redis", "aws"] },
    years: { min: 4, max: null },
    location: { onsite: null, remote: { within: ["US"] } },
  },

  securityEngineerRadius: {
    job: {
      title: "Security Engineer",
      location: "Chicago, IL",
      jobDescription: `Key requirements:
1. 6+ years in application security or penetration testing
2. Hands-on experience with cloud security on AWS
3. Knowledge of identity and access management

Nice-to-have:
1. OSCP certification
2. Experience with vulnerability management programs

Candidates must live within 50 miles of Chicago. Relocation assistance available.`,
    },
    must: ["application security", "penetration testing", "cloud security", "aws", "identity and access management"],
    nice: { includes: ["vulnerability management"] },
    years: { min: 6, max: null },
    location: { onsite: onsite(["Chicago, IL"], "onsite", 80), remote: null },
  },

  seniorMarketingManager: {
    job: {
      title: "Marketing Manager",
      location: "Remote (US or Canada)",
      jobDescription: `About Brightloop
Brightloop is a fast-growing email marketing platform trusted by 50,000 small businesses. Our product helps shops run SEO, social media marketing and marketing automation in one place.

In this role you will
- Own the content calendar and work with the SEO agency on campaigns
- Report on performance in Google Analytics

You are
- A marketer with 5-7 years of B2B content marketing experience
- Strong copywriting skills
- Experienced with HubSpot

Ideally you also have
- Product marketing experience

This is a senior-level role.`,
    },
    must: { includes: ["content marketing", "copywriting", "hubspot"], excludes: ["b2b sales", "seo", "email marketing", "marketing automation", "social media marketing"] },
    nice: { includes: ["product marketing", "google analytics"], excludes: ["email marketing", "social media marketing"] },
    years: { min: 5, max: 7 },
    location: { onsite: null, remote: { within: ["US", "Canada"] } },
  },

  recruiterHr: {
    job: {
      title: "Technical Recruiter",
      location: "Anywhere in the EU",
      jobDescription: `What you'll do:
- Run full-cycle recruiting for engineering roles
- Partner with hiring managers on workforce planning

What you need:
- 3+ years of technical recruiting experience
- Sourcing with LinkedIn Recruiter and boolean search
- Experience with an applicant tracking system such as Greenhouse or Lever

Bonus:
- Employer branding experience

Benefits: compensation and benefits reviewed twice a year, 25 days annual leave.`,
    },
    must: { includes: ["sourcing"], excludes: ["employer branding", "compensation and benefits"] },
    nice: { includes: ["employer branding"], excludes: ["compensation and benefits"] },
    years: { min: 3, max: null },
    location: { onsite: null, remote: { within: ["EU"] } },
  },

  hrBusinessPartner: {
    job: {
      title: "HR Business Partner",
      location: "Dublin, Ireland",
      jobDescription: `Greenfield Foods has been feeding Ireland since 1962.

As our HR Business Partner you will advise managers on employee relations, performance management and onboarding.
We're looking for someone with 5+ years of HR generalist experience, deep knowledge of Irish employment law, and experience with Workday or another HRIS. CIPD qualification preferred.`,
    },
    // "advise managers on employee relations" is the duty itself, not a stated requirement.
    must: { includes: ["employment law", "hris"], excludes: ["employee relations"] },
    nice: { includes: [] },
    years: { min: 5, max: null },
    location: { onsite: onsite(["Dublin, Ireland"]), remote: null },
  },

  teacherProse: {
    job: {
      title: "Middle School Math Teacher",
      location: "Houston, TX",
      jobDescription: `Lakeside Academy is a public charter school serving 600 students in grades 6-8. We are looking for a math teacher for the 2025-26 school year.
You will plan lessons, differentiate instruction for diverse learners and communicate with families.
Requirements: a valid Texas teaching certification, a bachelor's degree, and experience with classroom management. Experience teaching ESL students is a plus.
Salary: $58,000-$64,000 plus a $2,000 stipend after 3 years of service.`,
    },
    must: { includes: ["teaching certification", "classroom management"], excludes: ["esl"] },
    nice: { includes: ["esl"] },
    years: { min: null, max: null },
    location: { onsite: onsite(["Houston, TX"]), remote: null },
  },

  specialEdTeacherBullets: {
    job: {
      title: "Special Education Teacher",
      location: "Boston, MA",
      jobDescription: `Responsibilities
- Write and implement IEPs
- Use differentiated instruction with students with special needs

Qualifications
- Massachusetts teaching license
- 2+ years of special education experience
- Strong student assessment skills

We offer summers off and a pension after 10 years of service.`,
    },
    must: ["special education", "teaching", "teaching certification", "student assessment"],
    nice: { includes: [] },
    years: { min: 2, max: null },
    location: { onsite: onsite(["Boston, MA"]), remote: null },
  },

  electricianTrades: {
    job: {
      title: "Industrial Electrician",
      location: "Reno, NV",
      jobDescription: `JOB DUTIES
- Install, troubleshoot and repair PLC-controlled equipment
- Follow OSHA lockout/tagout procedures

REQUIREMENTS
- Journeyman electrician license
- 4 years of industrial maintenance experience
- Experience with PLC programming (Allen-Bradley)

This is an on-site only position. We offer overtime and a tool allowance.`,
    },
    must: { includes: ["electrician"], excludes: ["osha"] },
    nice: { includes: [] },
    years: { min: 4, max: null },
    location: { onsite: onsite(["Reno, NV"]), remote: null },
  },

  hvacTechnicianOneParagraph: {
    job: {
      title: "HVAC Technician",
      location: "Phoenix, AZ",
      jobDescription: `Cool Air Services is hiring an HVAC technician with at least 3 years of residential HVAC experience, EPA 608 certification and a clean driving record; you'll service customers across Phoenix in a company truck, and we offer weekly pay, health insurance and paid training on our new Carrier equipment.`,
    },
    must: { includes: ["hvac"], excludes: ["health insurance"] },
    nice: { includes: [] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["Phoenix, AZ"]), remote: null },
  },

  paralegalLegal: {
    job: {
      title: "Litigation Paralegal",
      location: "Washington, DC",
      jobDescription: `About the firm
Harlow & Finch LLP is a 200-lawyer firm with leading practices in intellectual property, corporate law and privacy law.

The role
You will support partners in complex commercial litigation, manage eDiscovery with Relativity and draft correspondence.

Requirements
- 3+ years as a litigation paralegal
- Strong legal research and legal writing
- Paralegal certificate

Equal opportunity
Harlow & Finch is an equal opportunity employer and does not discriminate regardless of race, religion or employment law status.`,
    },
    must: { includes: ["paralegal", "litigation", "legal research", "legal writing"], excludes: ["intellectual property", "corporate law", "privacy law", "employment law"] },
    // "manage eDiscovery with Relativity": eDiscovery is what the duty does, Relativity (unknown) its tool.
    nice: { includes: [] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["Washington, DC"]), remote: null },
  },

  corporateCounsel: {
    job: {
      title: "Corporate Counsel",
      location: "New York, NY",
      jobDescription: `Who you are:
You are admitted to the New York bar with 6-8 years of corporate law experience at a top firm or in-house, including mergers and acquisitions. Privacy law experience is a plus.

Our process:
Two interviews and a written exercise on contract law.`,
    },
    must: ["corporate law", "mergers and acquisitions"],
    nice: { includes: ["privacy law"], excludes: ["contract law"] },
    years: { min: 6, max: 8 },
    location: { onsite: onsite(["New York, NY"]), remote: null },
  },

  logisticsCoordinator: {
    job: {
      title: "Logistics Coordinator",
      location: "Rotterdam; Antwerp",
      jobDescription: `What you'll be doing
- Coordinate inbound shipments with carriers using SAP
- Work with our customers on import export documentation

Who we're looking for
- 2+ years in logistics or freight forwarding
- Knowledge of import export regulations
- Fluent English and Dutch

Nice if you have
- Experience with demand planning`,
    },
    must: ["logistics", "import export"],
    nice: { includes: ["sap", "demand planning"] },
    years: { min: 2, max: null },
    location: { onsite: onsite(["Rotterdam", "Antwerp"]), remote: null },
  },

  warehouseSupervisorNumbered: {
    job: {
      title: "Warehouse Supervisor",
      location: "Columbus, OH | Indianapolis, IN",
      jobDescription: `Responsibilities:
1) Lead a team of 25 associates across shipping and receiving
2) Own inventory accuracy using our WMS

Requirements:
1) 3+ years of warehouse management experience
2) Forklift certification required
3) Lean or Six Sigma experience is a plus`,
    },
    must: ["warehouse management", "forklift"],
    nice: { includes: ["lean", "six sigma", "wms"] },
    years: { min: 3, max: null },
    location: { onsite: onsite(["Columbus, OH", "Indianapolis, IN"]), remote: null },
  },

  supplyChainAnalystIdeallyYears: {
    job: {
      title: "Supply Chain Analyst",
      location: "Atlanta, GA or Charlotte, NC",
      jobDescription: `You'll forecast demand and work with procurement on supplier scorecards.
Ideally you have 5+ years in supply chain management and advanced Excel. Tableau is a plus.`,
    },
    must: { includes: ["supply chain management"], excludes: ["tableau", "procurement", "excel", "excel modeling"] },
    // Everything is "ideally": nothing firm is stated, so Excel is a nice-to-have and the years still count.
    nice: { includes: ["tableau"] },
    years: { min: 5, max: null },
    location: { onsite: onsite(["Atlanta, GA", "Charlotte, NC"]), remote: null },
  },

  customerSupportRemoteAnywhere: {
    job: {
      title: "Customer Support Specialist",
      location: "Remote - anywhere",
      jobDescription: `We're a fully distributed team across time zones building the best scheduling app for clinics.

You have:
- 2+ years in customer support for a SaaS product
- Experience with Zendesk or Intercom
- Excellent written communication

Perks: work from anywhere, Slack and Notion paid, annual retreat.`,
    },
    must: { includes: ["customer support", "communication"], excludes: ["notion"] },
    nice: { includes: [] },
    years: { min: 2, max: null },
    location: { onsite: null, remote: { within: [] } },
  },

  productManagerRemoteWithin: {
    job: {
      title: "Product Manager",
      location: "Remote",
      jobDescription: `The opportunity
Lead discovery and roadmapping for our payments product.

Requirements
- 4+ years of product management in B2B SaaS
- Comfortable writing user stories and working in Jira
- Experience with product analytics (Amplitude or Mixpanel)

Candidates must be located in the US.`,
    },
    must: { includes: ["product management", "user stories", "jira", "product analytics"], excludes: ["b2b sales"] },
    nice: { includes: [] },
    years: { min: 4, max: null },
    location: { onsite: null, remote: { within: ["US"] } },
  },

  financialAnalystFounded: {
    job: {
      title: "Senior Financial Analyst",
      location: "Multiple locations",
      jobDescription: `Founded 20 years ago, Northwind Retail operates 300 stores and runs SAP for everything from payroll to treasury.

Responsibilities
- Build the annual budget and run monthly variance analysis
- Partner with the treasury team on cash forecasts

Requirements
- 5+ years of FP&A or financial analysis experience
- Advanced Excel and financial modeling

Preferred
- CPA or CFA`,
    },
    must: { includes: ["financial analysis", "fp&a", "financial modeling"], excludes: ["payroll", "treasury", "sap", "retail sales"] },
    nice: { includes: ["cpa", "cfa"], excludes: ["payroll", "treasury", "sap"] },
    years: { min: 5, max: null },
    location: { onsite: null, remote: null },
  },

  projectManagerConstruction: {
    job: {
      title: "Construction Project Manager",
      location: "Austin, TX or Denver, CO",
      jobDescription: `The Role:
Manage commercial construction projects from preconstruction to closeout.

Minimum qualifications:
- 7+ years in construction management
- PMP preferred
- Proficient with MS Project and AutoCAD

Travel: up to 25% between sites.`,
    },
    must: ["project management", "construction management", "ms project", "autocad"],
    nice: { includes: ["pmp"] },
    years: { min: 7, max: null },
    location: { onsite: onsite(["Austin, TX", "Denver, CO"]), remote: null },
  },

  mechanicalEngineerPlain: {
    job: {
      title: "Mechanical Engineer",
      location: "Stuttgart, Germany",
      jobDescription: `Your tasks
- Design components in SolidWorks
- Run FEA simulations

Your profile
- Degree in mechanical engineering
- 3-5 years of experience with GD&T
- Fluent German

What we offer
- 30 days vacation
- Company car after 2 years of service`,
    },
    must: { includes: ["mechanical engineering", "gd&t"] },
    nice: { includes: ["solidworks"] },
    years: { min: 3, max: 5 },
    location: { onsite: onsite(["Stuttgart, Germany"]), remote: null },
  },

  newGradSoftware: {
    job: {
      title: "Software Engineer, New Grad",
      location: "Seattle, WA",
      jobDescription: `New grads welcome! This is not a senior role.
What you'll need: a CS degree (or graduating by June), coursework in data structures and algorithms, and Java or Python. Internship experience with Git is a plus.`,
    },
    must: { includes: ["data structures and algorithms", "java", "python"], excludes: ["git"] },
    nice: { includes: ["git"] },
    years: { min: null, max: null },
    location: { onsite: onsite(["Seattle, WA"]), remote: null },
  },

  staffEngineerSeniorOrStaff: {
    job: {
      title: "Backend Engineer",
      location: "Remote (Europe)",
      jobDescription: `We're hiring at senior or staff level. You'll mentor junior engineers and design distributed systems in Rust.

Requirements
- 8+ years of software engineering
- Deep experience with distributed systems and Rust
- Ideally 10+ years including some people management`,
    },
    must: { includes: ["backend development", "distributed systems", "rust"], excludes: ["people management"] },
    nice: { includes: ["people management"] },
    years: { min: 8, max: null },
    location: { onsite: null, remote: { within: ["Europe"] } },
  },

  querySteers: {
    job: {
      title: "Software Engineer",
      location: "",
      query: "kotlin, no java",
      jobDescription: `Build Android apps with Kotlin. Experience with Java is required.`,
    },
    // The recruiter outranks the posting: "no java" drops the posting's Java requirement.
    must: ["kotlin"],
    nice: { includes: [], excludes: ["java"] },
    years: { min: null, max: null },
    location: { onsite: null, remote: null },
  },
};
